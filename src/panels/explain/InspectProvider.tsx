import { createContext, useEffect, useState, type ReactNode } from 'react';
import { useEditorStore } from '../../state/useEditorStore.ts';
import { createInspectStore, type InspectStore } from './inspect-store.ts';

export const InspectStoreContext = createContext<InspectStore | null>(null);

/**
 * The explain view's store, for the editor below. A newly loaded document (a preset, a
 * link, a file) starts with nothing focused and no answers.
 */
export function InspectProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createInspectStore);
  const editor = useEditorStore();
  useEffect(() => {
    let loads = editor.getState().loads;
    return editor.subscribe(() => {
      const now = editor.getState().loads;
      if (now !== loads) store.reset();
      loads = now;
    });
  }, [editor, store]);
  return <InspectStoreContext.Provider value={store}>{children}</InspectStoreContext.Provider>;
}
