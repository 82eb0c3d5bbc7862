import { useConnection } from '@xyflow/react';
import { useEditorState } from '../state/useEditorState.ts';
import { linkBetween, linkProblem } from './connection.ts';

/** While a connection is dragged over a node that refuses it, says why, before the drop. */
export function ConnectionHint() {
  const doc = useEditorState((s) => s.doc);
  const refused = useConnection((c) => c.inProgress && c.isValid === false);
  const from = useConnection((c) => c.fromNode?.id ?? null);
  const to = useConnection((c) => c.toNode?.id ?? null);
  const handleType = useConnection((c) => c.fromHandle?.type);
  if (!refused || !from || !to) return null;
  const problem = linkProblem(doc, linkBetween(from, to, handleType));
  if (!problem) return null;
  return (
    <div className="cf-connection-hint" aria-live="polite">
      {problem}
    </div>
  );
}
