import { useCallback, useSyncExternalStore } from 'react';
import type { EditorState } from './types.ts';
import { useEditorStore } from './useEditorStore.ts';

/**
 * A slice of the editor state; the component re-renders when the slice changes identity.
 * Selectors must return something already in the state (or a primitive), not a new object.
 * @example const result = useEditorState((s) => s.results.get(id));
 */
export function useEditorState<T>(selector: (state: EditorState) => T): T {
  const store = useEditorStore();
  const getSnapshot = useCallback(() => selector(store.getState()), [store, selector]);
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}
