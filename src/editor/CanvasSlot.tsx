import { lazy, Suspense, useEffect, useState } from 'react';
import { useEditorState } from '../state/useEditorState.ts';
import { InputToolsProvider } from './image/InputToolsProvider.tsx';
import { StaticCanvas } from './StaticCanvas.tsx';

// React Flow and everything that pans, zooms, drags and connects: about a third of the page's
// scripts, loaded once the first numbers are on screen so that they come first.
const Canvas = lazy(() => import('./Canvas.tsx').then((m) => ({ default: m.Canvas })));

/** Longest wait for the first numbers before the canvas loads anyway (an engine that fails). */
const LOAD_ANYWAY_MS = 2000;

/**
 * The canvas, once loaded; before that, the graph's nodes as they will stand on it. It loads
 * when the first report is shown, when the engine fails, when the reader touches the graph,
 * or after two seconds, whichever comes first.
 */
export function CanvasSlot() {
  const shown = useEditorState((s) => s.shownRevision >= 0 || s.engine === 'failed');
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (shown) setWanted(true);
  }, [shown]);
  useEffect(() => {
    const id = setTimeout(() => setWanted(true), LOAD_ANYWAY_MS);
    return () => clearTimeout(id);
  }, []);
  const wake = () => setWanted(true);
  return (
    <InputToolsProvider>
      {wanted ? (
        <Suspense fallback={<StaticCanvas onWake={wake} />}>
          <Canvas />
        </Suspense>
      ) : (
        <StaticCanvas onWake={wake} />
      )}
    </InputToolsProvider>
  );
}
