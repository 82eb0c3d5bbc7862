import { ReactFlowProvider } from '@xyflow/react';
import { useState } from 'react';
import '@xyflow/react/dist/style.css';
import { Canvas } from '../editor/Canvas.tsx';
import { Palette } from '../editor/Palette.tsx';
import { useEngineClient } from '../engine-client/useEngineClient.ts';
import { createEditorStore } from '../state/editor-store.ts';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { EditorProvider } from '../state/EditorProvider.tsx';
import './app.css';
import '../editor/editor.css';
import { Header } from './Header.tsx';
import { Notices } from './Notices.tsx';
import { defaultDocument } from './presets.ts';
import { StatusLine } from './StatusLine.tsx';

/** The editor: header, palette, canvas and status line around one store and one engine. */
export function App() {
  const [store] = useState(() => createEditorStore(defaultDocument()));
  const restart = useEngineClient(store);
  return (
    <I18nProvider>
      <EditorProvider store={store}>
        <ReactFlowProvider>
          <div className="cf-app">
            <Header onRestart={restart} />
            <main className="cf-main">
              <Palette />
              <Canvas />
              <Notices />
            </main>
            <StatusLine />
          </div>
        </ReactFlowProvider>
      </EditorProvider>
    </I18nProvider>
  );
}
