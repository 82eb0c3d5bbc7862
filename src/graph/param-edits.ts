import type * as z from 'zod/mini';
import { parseNode, type ParseResult } from './parse.ts';
import { paramsSchemas } from './schema.ts';
import type { GraphNode } from './types.ts';

/**
 * Parameters no rule relates to another field (weight shapes follow filters, kernelSize and
 * units; tensors are checked as tensors): a change of one of these is checked on its own.
 */
const INDEPENDENT = new Set([
  'activation',
  'padding',
  'strides',
  'useBias',
  'rate',
  'training',
  'seed',
  'poolSize',
]);

/**
 * The node with `patch` merged into its params, validated. A patch of independent
 * parameters (an activation, the padding, a stride: what a user changes most) is checked
 * field by field, leaving the rest of the node, tensors included, as it was; any other patch,
 * or one that fails, goes through the whole node's schema, whose message names the problem.
 * @example withParams(conv, { padding: 'same' })
 */
export function withParams(
  node: GraphNode,
  patch: Record<string, unknown>,
): ParseResult<GraphNode> {
  const fast = independentPatch(node, patch);
  if (fast) return { ok: true, value: fast };
  return parseNode({ ...node, params: { ...node.params, ...patch } });
}

function independentPatch(node: GraphNode, patch: Record<string, unknown>): GraphNode | null {
  const fields = paramsSchemas[node.type].shape as Record<string, z.ZodMiniType>;
  const params: Record<string, unknown> = { ...node.params };
  for (const [key, value] of Object.entries(patch)) {
    const field = fields[key];
    if (!INDEPENDENT.has(key) || !field || value === undefined) return null;
    const checked = field.safeParse(value);
    if (!checked.success) return null;
    params[key] = checked.data;
  }
  return { ...node, params } as GraphNode;
}
