import type { NodeShape } from '../../graph/shape-inference.ts';
import type { NodeResult } from '../../state/types.ts';
import { useEditorState } from '../../state/useEditorState.ts';

export interface NodeStatus {
  shape: NodeShape | undefined;
  result: NodeResult | undefined;
  busy: boolean;
  /** Shape inference's error, or one the engine reported while computing. */
  error: string | null;
}

/** What one node shows, selected from the store by id: nodes never compute. */
export function useNodeStatus(id: string): NodeStatus {
  const shape = useEditorState((s) => s.shapes.get(id));
  const result = useEditorState((s) => s.results.get(id));
  const busy = useEditorState((s) => s.busy.has(id));
  const engineError = useEditorState((s) => s.engineErrors.get(id));
  const error = shape && !shape.ok ? shape.error : (engineError ?? null);
  return { shape, result, busy, error };
}
