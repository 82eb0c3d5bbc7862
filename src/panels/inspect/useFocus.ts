import { useCallback } from 'react';
import { traceUpstream, type Influence } from '../../engine/explain/trace.ts';
import type { NodeShape } from '../../graph/shape-inference.ts';
import type { GraphDocument } from '../../graph/types.ts';
import type { EditorState } from '../../state/types.ts';
import { useEditorState } from '../../state/useEditorState.ts';
import { useEditorStore } from '../../state/useEditorStore.ts';
import type { Focus } from './inspect-store.ts';
import { useInspect, useInspectStore } from './useInspect.ts';

const onlySelected = (s: EditorState) =>
  s.selection.nodes.length === 1 ? s.selection.nodes[0] : null;

/**
 * The focused output cell while its node is the one selected, else null: the explain panel
 * is open exactly then. Selecting a node alone leaves the canvas its full width.
 */
export function useActiveFocus(): Focus | null {
  const selected = useEditorState(onlySelected);
  const focus = useInspect((s) => s.focus);
  return focus && focus.nodeId === selected ? focus : null;
}

/** Focus an output cell of `nodeId` and select that node (a keyboard move selects it too). */
export function useSelectCell(nodeId: string): (index: number) => void {
  const editor = useEditorStore();
  const inspect = useInspectStore();
  return useCallback(
    (index: number) => {
      // Select first: a focus whose node is not the selection is dropped (InspectProvider).
      const { nodes, edges } = editor.getState().selection;
      if (nodes.length !== 1 || nodes[0] !== nodeId || edges.length > 0)
        editor.setSelection({ nodes: [nodeId], edges: [] });
      inspect.focusCell(nodeId, index);
    },
    [editor, inspect, nodeId],
  );
}

let cache: { doc: unknown; shapes: unknown; focus: Focus; trace: Influence } | null = null;

/** Upstream cells that influence the focused cell, per node; one computation per focus. */
function traceOf(
  doc: GraphDocument,
  shapes: ReadonlyMap<string, NodeShape>,
  focus: Focus,
): Influence {
  if (cache && cache.doc === doc && cache.shapes === shapes && cache.focus === focus)
    return cache.trace;
  const trace = traceUpstream(doc, shapes as Map<string, NodeShape>, focus.nodeId, [focus.index]);
  cache = { doc, shapes, focus, trace };
  return trace;
}

/** This node's cells that influence the focused cell (its receptive field), or undefined. */
export function useTraceMask(nodeId: string): Uint8Array | undefined {
  const focus = useActiveFocus();
  const traced = focus !== null && focus.nodeId !== nodeId;
  // Without a focus elsewhere, a node need not re-render on every document change.
  const doc = useEditorState((s) => (traced ? s.doc : null));
  const shapes = useEditorState((s) => (traced ? s.shapes : null));
  if (!traced || !doc || !shapes) return undefined;
  return traceOf(doc, shapes, focus).get(nodeId);
}
