import { useEffect, useState } from 'react';
import type { EditorStore } from '../state/editor-store.ts';

/**
 * Whether the Train panel is open: it opens by itself when a graph with a training section
 * is loaded (a preset, a file, a link), and otherwise as the user toggles it.
 */
export function useTrainPanel(store: EditorStore): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(() => store.getState().doc.training !== undefined);
  useEffect(() => {
    let loads = store.getState().loads;
    return store.subscribe(() => {
      const state = store.getState();
      if (state.loads === loads) return;
      loads = state.loads;
      if (state.doc.training) setOpen(true);
    });
  }, [store]);
  return [open, setOpen];
}
