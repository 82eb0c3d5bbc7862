import { useCallback } from 'react';
import type { GraphEdit } from '../../graph/edits.ts';
import { useEditorStore } from '../../state/useEditorStore.ts';
import { fieldMessage } from './field-message.ts';

/**
 * Commit one prepared edit (e.g. `setCells`) the way a field does: quietly, returning the
 * refusal in words, or null. A null edit (nothing changes) commits nothing.
 */
export function useEditCommit() {
  const store = useEditorStore();
  return useCallback(
    (edit: GraphEdit | null): string | null => {
      if (!edit) return null;
      const result = store.dispatch([edit], { quiet: true });
      return result.ok ? null : fieldMessage(result.error);
    },
    [store],
  );
}
