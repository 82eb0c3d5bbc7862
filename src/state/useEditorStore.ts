import { useContext } from 'react';
import type { EditorStore } from './editor-store.ts';
import { EditorStoreContext } from './EditorProvider.tsx';

/** The store from the nearest EditorProvider. */
export function useEditorStore(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore must be used inside an EditorProvider');
  return store;
}
