import { useEffect, useState, type ComponentType } from 'react';
import { useEditorState } from '../state/useEditorState.ts';
import { useEditorStore } from '../state/useEditorStore.ts';
import { InputToolsProvider } from './image/InputToolsProvider.tsx';
import { StaticCanvas } from './StaticCanvas.tsx';

// React Flow and everything that pans, zooms, drags and connects: about a third of the page's
// scripts, loaded once the first numbers are on screen so that they come first.
const loadCanvas = () => import('./Canvas.tsx').then((m) => m.Canvas);

/** Longest wait for the first numbers before the canvas loads anyway (an engine that fails). */
const LOAD_ANYWAY_MS = 2000;

/**
 * The canvas, once loaded; before that, the graph's nodes as they will stand on it. It loads
 * when the first report is shown, when the engine fails, when the reader touches the graph,
 * or after two seconds, whichever comes first. If its chunk cannot be fetched (a network
 * gone mid-load), the nodes stay as they are and a notice offers to try again.
 */
export function CanvasSlot() {
  const store = useEditorStore();
  const shown = useEditorState((s) => s.shownRevision >= 0 || s.engine === 'failed');
  const [wanted, setWanted] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [Canvas, setCanvas] = useState<ComponentType | null>(null);
  useEffect(() => {
    if (shown) setWanted(true);
  }, [shown]);
  useEffect(() => {
    const id = setTimeout(() => setWanted(true), LOAD_ANYWAY_MS);
    return () => clearTimeout(id);
  }, []);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    loadCanvas().then(
      (loaded) => live && setCanvas(() => loaded),
      () => {
        if (!live) return;
        store.pushNotice(
          'error',
          { key: 'notice.canvasFailed' },
          { label: { key: 'notice.canvasRetry' }, run: () => setAttempt((n) => n + 1) },
        );
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, attempt, store]);
  return (
    <InputToolsProvider>
      {Canvas ? <Canvas /> : <StaticCanvas onWake={() => setWanted(true)} />}
    </InputToolsProvider>
  );
}
