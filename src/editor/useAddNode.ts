import { useCallback } from 'react';
import { applyEdits, connectionProblem, type GraphEdit } from '../graph/edits.ts';
import type { NodeType, Position } from '../graph/types.ts';
import { useEditorStore } from '../state/useEditorStore.ts';
import { newNode, nextNodeId } from './new-node.ts';
import { usePlacement } from './usePlacement.ts';

/**
 * Add a node of a type: at `at` (a drop point), or right of the selected node and fed by it
 * when that connection is allowed, or at the centre of the view. The new node is selected,
 * so adding again continues the chain.
 */
export function useAddNode() {
  const store = useEditorStore();
  const { placeFor, reveal } = usePlacement();
  return useCallback(
    (type: NodeType, at?: Position) => {
      const { doc, selection } = store.getState();
      const anchor = at ? null : (selection.nodes.at(-1) ?? null);
      const id = nextNodeId(doc, type);
      const position = at ?? placeFor(anchor);
      const edits: GraphEdit[] = [{ kind: 'addNode', node: newNode(type, id, position) }];
      const added = applyEdits(doc, edits);
      if (anchor && added.ok && connectionProblem(added.value.doc, anchor, id) === null) {
        edits.push({ kind: 'addEdge', source: anchor, target: id });
      }
      if (!store.dispatch(edits).ok) return;
      store.setSelection({ nodes: [id], edges: [] });
      if (!at) reveal(position);
    },
    [store, placeFor, reveal],
  );
}
