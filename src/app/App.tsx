import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import '@xyflow/react/dist/style.css';
import { Canvas } from '../editor/Canvas.tsx';
import { Palette } from '../editor/Palette.tsx';
import { useEngineClient } from '../engine-client/useEngineClient.ts';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { ExplainPanel } from '../panels/explain/ExplainPanel.tsx';
import { InspectProvider } from '../panels/inspect/InspectProvider.tsx';
import { EditorProvider } from '../state/EditorProvider.tsx';
import './app.css';
import '../editor/editor.css';
import { browserEnv } from './address-bar.ts';
import { CodeButtons } from './export/CodeButtons.tsx';
import { FileDrop } from './FileDrop.tsx';
import { Header } from './Header.tsx';
import { Notices } from './Notices.tsx';
import { StatusLine } from './StatusLine.tsx';
import { useUndoShortcuts } from './useUndoShortcuts.ts';
import { openWorkspace } from './workspace.ts';
import { WorkspaceProvider } from './WorkspaceContext.tsx';

/**
 * The editor: header, palette, canvas and status line around one store and one engine.
 * The graph at startup is the saved work, with the address bar's link opened on top.
 */
export function App() {
  const [workspace] = useState(() => openWorkspace(browserEnv()));
  const { store } = workspace;
  const restart = useEngineClient(store);
  useEffect(() => workspace.start(window), [workspace]);
  useUndoShortcuts(workspace.history);
  return (
    <I18nProvider>
      <EditorProvider store={store}>
        <WorkspaceProvider workspace={workspace}>
          <ReactFlowProvider>
            <InspectProvider>
              <div className="cf-app">
                <Header onRestart={restart} />
                <main className="cf-main">
                  <div className="cf-sidebar">
                    <Palette />
                    <CodeButtons />
                  </div>
                  <Canvas />
                  <ExplainPanel />
                  <Notices />
                  <FileDrop />
                </main>
                <StatusLine />
              </div>
            </InspectProvider>
          </ReactFlowProvider>
        </WorkspaceProvider>
      </EditorProvider>
    </I18nProvider>
  );
}
