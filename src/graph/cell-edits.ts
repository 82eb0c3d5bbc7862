import type { CellChange, TensorParam } from './edits.ts';
import type { ParseResult } from './parse.ts';
import { adoptTensorData, NON_FINITE } from './tensor-data.ts';
import type { GraphNode, TensorValue } from './types.ts';

/**
 * The node with some cells of one explicit tensor changed: a new array (documents are never
 * written in place), the other params and tensors the same objects. Only the changed values
 * are checked, so typing one cell of a 224×224×3 input costs a copy, not a validation of
 * 150,528 numbers. Returns the node itself when no value changes.
 * @example withNodeCells(input, 'tensor', [{ index: 0, value: 5 }])
 */
export function withNodeCells(
  node: GraphNode,
  param: TensorParam,
  cells: readonly CellChange[],
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
  const next = data.slice();
  for (const c of cells) next[c.index] = c.value;
  adoptTensorData(next);
  const changed: TensorValue = { shape: tensor.shape, data: next };
  return {
    ok: true,
    value: { ...node, params: { ...node.params, [param]: changed } } as GraphNode,
  };
}

/** The explicit tensor a node holds under `param`, if any. */
export function explicitTensor(node: GraphNode, param: TensorParam): TensorValue | null {
  const value = (node.params as Record<string, unknown>)[param];
  if (typeof value !== 'object' || value === null || !('data' in value)) return null;
  return value as TensorValue;
}
