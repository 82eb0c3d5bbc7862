import { useCallback } from 'react';
import { paramsPatch } from '../../graph/param-patch.ts';
import { useEditorStore } from '../../state/useEditorStore.ts';
import { fieldMessage } from '../../ui/fields/field-message.ts';

/**
 * Commit a parameter change of one node: one `setParams` dispatch, with explicit weights
 * resized to fit. Returns the refusal in words for the field to show, or null.
 */
export function useParamCommit(id: string) {
  const store = useEditorStore();
  return useCallback(
    (patch: Record<string, unknown>): string | null => {
      const node = store.getState().doc.nodes.find((n) => n.id === id);
      if (!node) return `no node with id "${id}"`;
      const params = paramsPatch(node, patch);
      const result = store.dispatch([{ kind: 'setParams', id, params }], { quiet: true });
      return result.ok ? null : fieldMessage(result.error);
    },
    [store, id],
  );
}
