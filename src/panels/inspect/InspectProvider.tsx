import { createContext, useEffect, useState, type ReactNode } from 'react';
import { useEditorStore } from '../../state/useEditorStore.ts';
import { createInspectStore, type InspectStore } from './inspect-store.ts';

export const InspectStoreContext = createContext<InspectStore | null>(null);

/**
 * The explain view's store, for the editor below. A newly loaded document (a preset, a
 * link, a file) starts with nothing focused and no answers; selecting anything other than
 * the focused cell's node (another node, the background, a drag) drops the focus, so the
 * panel closes and stays closed while the graph is being built.
 */
export function InspectProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createInspectStore);
  const editor = useEditorStore();
  useEffect(() => {
    let loads = editor.getState().loads;
    return editor.subscribe(() => {
      const { loads: now, selection } = editor.getState();
      if (now !== loads) store.reset();
      loads = now;
      const focus = store.getState().focus;
      const only = selection.nodes.length === 1 ? selection.nodes[0] : null;
      if (focus && focus.nodeId !== only) store.clearFocus();
    });
  }, [editor, store]);
  return <InspectStoreContext.Provider value={store}>{children}</InspectStoreContext.Provider>;
}
