import { createContext, type ReactNode } from 'react';
import type { EditorStore } from './editor-store.ts';

export const EditorStoreContext = createContext<EditorStore | null>(null);

/** Makes one editor store available to every component below. */
export function EditorProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  return <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>;
}
