import { applyEditsWith, type EditChecks, type EditOutcome, type GraphEdit } from './edit-apply.ts';
import { describeIssues, parseGraph, parseNode, type ParseResult } from './parse.ts';
import { withParams } from './param-edits.ts';
import { structureSchema } from './schema.ts';
import { trainingSchema } from './training-schema.ts';
import { descendantsOf } from './topo.ts';
import type { GraphDocument } from './types.ts';

export type { CellChange, EditOutcome, GraphEdit, TensorParam } from './edit-apply.ts';

/**
 * Every edit checked against the graph format (zod): where edits enter, on the page, in the
 * CLI and in tests. The outcome's `applied` edits carry the checked values on to the engine.
 */
export const CHECKED_EDITS: EditChecks = {
  graph: parseGraph,
  node: parseNode,
  params: withParams,
  training(section) {
    const parsed = trainingSchema.safeParse(section);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, error: describeIssues(parsed.error.issues) };
  },
  structure(doc) {
    const parsed = structureSchema.safeParse(doc);
    return parsed.success ? null : describeIssues(parsed.error.issues);
  },
};

/**
 * Check and apply edits in order, all or nothing: the first invalid edit returns its error
 * and the document stays as it was.
 * @example applyEdits(doc, [{ kind: 'setParams', id: 'c1', params: { padding: 'same' } }])
 */
export function applyEdits(
  doc: GraphDocument,
  edits: readonly GraphEdit[],
): ParseResult<EditOutcome> {
  return applyEditsWith(doc, edits, CHECKED_EDITS);
}

/** Why connecting `source` to `target` would be refused, or null if it is fine. */
export function connectionProblem(
  doc: GraphDocument,
  source: string,
  target: string,
): string | null {
  if (source === target) return 'a node cannot feed itself';
  // A cycle is the more fundamental refusal: name it even when the target also has an input.
  if (descendantsOf([target], doc.edges).has(source)) {
    return `connecting "${source}" to "${target}" would make a cycle`;
  }
  const result = applyEdits(doc, [{ kind: 'addEdge', source, target }]);
  if (result.ok) return null;
  return result.error.replace(/^edges\[\d+\]\.\w+: /, '');
}
