import { useCallback } from 'react';
import { sizeOf } from '../../graph/shape.ts';
import type { NodeShapeOk } from '../../graph/shape-inference.ts';
import type { GraphNode } from '../../graph/types.ts';
import type { EditorState } from '../../state/types.ts';
import { useEditorState } from '../../state/useEditorState.ts';

/** A tensor the UI already has: a node's output as the engine reported it. */
export interface ShownTensor {
  shape: readonly number[];
  data: Float32Array;
}

/** What the explain view needs of one node, all selected from the store: nothing is run. */
export interface NodeData {
  node: GraphNode;
  shape: NodeShapeOk;
  /** The node's output, when computed and matching its current shape. */
  output: ShownTensor | undefined;
  /** The output of the node feeding it, when computed and matching its current shape. */
  input: ShownTensor | undefined;
  inputShape: readonly number[] | undefined;
  /** The node feeding this one, and whether it is an Input (then its output is the 入力画像). */
  sourceId: string | undefined;
  sourceIsInput: boolean;
  busy: boolean;
}

/** A node's explain data, or null when it does not exist or has an error. */
export function useNodeData(id: string): NodeData | null {
  const node = useEditorState(useCallback((s) => s.doc.nodes.find((n) => n.id === id), [id]));
  const shape = useEditorState(useCallback((s) => s.shapes.get(id), [id]));
  const output = useEditorState(useCallback((s) => s.results.get(id)?.output, [id]));
  const sourceId = useEditorState(useCallback((s) => sourceOf(s, id), [id]));
  const inShape = useEditorState(
    useCallback((s) => (sourceId ? s.shapes.get(sourceId) : undefined), [sourceId]),
  );
  const input = useEditorState(
    useCallback((s) => (sourceId ? s.results.get(sourceId)?.output : undefined), [sourceId]),
  );
  const sourceIsInput = useEditorState(
    useCallback(
      (s) => s.doc.nodes.some((n) => n.id === sourceId && n.type === 'Input'),
      [sourceId],
    ),
  );
  const busy = useEditorState(useCallback((s) => s.busy.has(id), [id]));
  if (!node || !shape?.ok) return null;
  const inputShape = inShape?.ok ? inShape.shape : undefined;
  return {
    node,
    shape,
    output: fits(output, shape.shape),
    input: inputShape ? fits(input, inputShape) : undefined,
    inputShape,
    sourceId,
    sourceIsInput,
    busy,
  };
}

function sourceOf(s: EditorState, id: string): string | undefined {
  return s.doc.edges.find((e) => e.target === id)?.source;
}

/** A result computed for an older shape (an edit still on its way) is not shown. */
function fits(t: ShownTensor | undefined, shape: readonly number[]): ShownTensor | undefined {
  return t && t.data.length === sizeOf(shape) && t.shape.length === shape.length ? t : undefined;
}
