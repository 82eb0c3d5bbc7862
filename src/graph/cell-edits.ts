import type { CellChange, GraphEdit, TensorParam } from './edit-apply.ts';
import type { ParseResult } from './parse.ts';
import { adoptTensorData, NON_FINITE } from './tensor-data.ts';
import type { GraphNode, TensorValue } from './types.ts';

/**
 * The node with some cells of one explicit tensor changed: a new array (documents are never
 * written in place), the other params and tensors the same objects. Only the changed values
 * are checked, so typing one cell of a 224×224×3 input costs a copy, not a validation of
 * 150,528 numbers. Returns the node itself when no value changes. `into`, when given, is an
 * array nothing else holds, filled instead of allocating one.
 * @example withNodeCells(input, 'tensor', [{ index: 0, value: 5 }])
 */
export function withNodeCells(
  node: GraphNode,
  param: TensorParam,
  cells: readonly CellChange[],
  into?: Float32Array,
): ParseResult<GraphNode> {
  const tensor = explicitTensor(node, param);
  if (!tensor) return { ok: false, error: `params.${param}: expected an explicit tensor to edit` };
  const { data } = tensor;
  if (!Array.isArray(cells)) return { ok: false, error: 'cells: expected an array' };
  for (const [i, c] of cells.entries()) {
    const where = `params.${param}.data`;
    if (!Number.isInteger(c?.index) || c.index < 0 || c.index >= data.length)
      return {
        ok: false,
        error: `cells[${i}].index: expected an index from 0 to ${data.length - 1}`,
      };
    if (typeof c.value !== 'number' || !Number.isFinite(Math.fround(c.value)))
      return { ok: false, error: `${where}[${c.index}]: ${NON_FINITE}` };
  }
  if (cells.every((c) => Object.is(data[c.index], Math.fround(c.value))))
    return { ok: true, value: node };
  // `into`: an array of the same length that nothing else holds, written instead of a new one.
  const next = into?.length === data.length && into !== data ? into : data.slice();
  if (next === into) next.set(data);
  for (const c of cells) next[c.index] = c.value;
  adoptTensorData(next);
  const changed: TensorValue = { shape: tensor.shape, data: next };
  return {
    ok: true,
    value: { ...node, params: { ...node.params, [param]: changed } } as GraphNode,
  };
}

/** The explicit tensor a node holds under `param`, if any. */
function explicitTensor(node: GraphNode, param: TensorParam): TensorValue | null {
  const value = (node.params as Record<string, unknown>)[param];
  if (typeof value !== 'object' || value === null || !('data' in value)) return null;
  return value as TensorValue;
}

/** Above this share of changed cells, the whole array travels instead of a list of cells. */
const WHOLE_ARRAY_SHARE = 0.25;

/**
 * The smallest edit that gives a node's explicit tensor the values `next` (same length): the
 * changed cells as `setCells` (a stroke of the drawing pad touches a few hundred of a
 * 224×224×3 picture's 150,528), or, when most cells change, the new array in a `setParams`.
 * Null when nothing changes.
 * @example tensorEdit('x', 'tensor', tensor, strokeResult)
 */
export function tensorEdit(
  id: string,
  param: TensorParam,
  tensor: TensorValue,
  next: Float32Array,
): GraphEdit | null {
  const old = tensor.data;
  const cells: CellChange[] = [];
  const most = old.length * WHOLE_ARRAY_SHARE;
  for (let i = 0; i < old.length && cells.length <= most; i++)
    if (!Object.is(old[i], next[i])) cells.push({ index: i, value: next[i]! });
  if (cells.length === 0) return null;
  if (cells.length <= most) return { kind: 'setCells', id, param, cells };
  return { kind: 'setParams', id, params: { [param]: { shape: tensor.shape, data: next } } };
}
