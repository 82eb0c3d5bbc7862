import type { CellChange, GraphEdit, TensorParam } from '../../../graph/edits.ts';
import { adoptTensorData } from '../../../graph/tensor-data.ts';
import type { NodeOf, TensorValue, WeightSpec } from '../../../graph/types.ts';
import { isInitializer } from '../../../graph/types.ts';
import { resolveNodeWeights } from '../../../graph/weights.ts';

export type { CellChange } from '../../../graph/edits.ts';

/**
 * The edit that changes some cells of a node's explicit tensor: only the changed cells
 * travel, and only they are checked. Null when every cell already holds its value (so a
 * paint stroke over cells already of its value dispatches nothing).
 * @example cellsEdit('x', 'tensor', tensor, [{ index: 1, value: 5 }])
 */
export function cellsEdit(
  id: string,
  param: TensorParam,
  tensor: TensorValue,
  changes: readonly CellChange[],
): GraphEdit | null {
  const cells = changes.filter(
    (c) =>
      Number.isInteger(c.index) &&
      c.index >= 0 &&
      c.index < tensor.data.length &&
      !Object.is(tensor.data[c.index], Math.fround(c.value)),
  );
  return cells.length === 0 ? null : { kind: 'setCells', id, param, cells };
}

/** Flat index of input cell (row, col, channel) in an `[H, W, C]` tensor. */
export function inputIndex(shape: readonly number[], row: number, col: number, channel: number) {
  return (row * shape[1] + col) * shape[2] + channel;
}

/** Flat index of kernel cell `[ky, kx, c, f]` in a `[kh, kw, inC, filters]` kernel. */
export function kernelIndex(
  shape: readonly number[],
  ky: number,
  kx: number,
  c: number,
  f: number,
) {
  return ((ky * shape[1] + kx) * shape[2] + c) * shape[3] + f;
}

/**
 * A Conv2D's kernel and bias as explicit tensors: initializers resolved the engine's way, an
 * explicit tensor returned as it is. The bias is null when the node has none (useBias false).
 */
export function explicitConvWeights(
  node: NodeOf<'Conv2D'>,
  inC: number,
): { kernel: TensorValue; bias: TensorValue | null } {
  const { kernel, bias, shape } = resolveNodeWeights(node, inC);
  const explicit = (spec: WeightSpec, shape: number[], data: Float32Array): TensorValue =>
    isInitializer(spec) ? { shape, data: adoptTensorData(data) } : spec;
  return {
    kernel: explicit(node.params.kernel, shape, kernel),
    bias: bias && explicit(node.params.bias, [bias.length], bias),
  };
}

/**
 * The edit that changes cells (flat indices) of a Conv2D's kernel or bias. A weight given
 * by an initializer first becomes explicit, holding the very numbers the engine drew, so
 * editing one cell leaves every other weight as it was; an explicit one gets `setCells`.
 * Null for the bias of a node without one (useBias false): there is nothing to edit.
 */
export function convCellsEdit(
  node: NodeOf<'Conv2D'>,
  inC: number,
  param: 'kernel' | 'bias',
  changes: readonly CellChange[],
): GraphEdit | null {
  const tensor = explicitConvWeights(node, inC)[param];
  if (!tensor) return null;
  if (!isInitializer(node.params[param])) return cellsEdit(node.id, param, tensor, changes);
  const data = tensor.data.slice();
  for (const c of changes) data[c.index] = c.value;
  return { kind: 'setParams', id: node.id, params: { [param]: { shape: tensor.shape, data } } };
}

/** A cell of a 2-D map. */
export interface GridPoint {
  row: number;
  col: number;
}

/**
 * The cells on a straight line from `a` to `b`, both included (Bresenham): a fast drag skips
 * cells between two pointer events, and a stroke should not.
 */
export function lineCells(a: GridPoint, b: GridPoint): GridPoint[] {
  const cells: GridPoint[] = [];
  const dr = Math.abs(b.row - a.row);
  const dc = Math.abs(b.col - a.col);
  const sr = a.row < b.row ? 1 : -1;
  const sc = a.col < b.col ? 1 : -1;
  let err = dc - dr;
  let { row, col } = a;
  for (;;) {
    cells.push({ row, col });
    if (row === b.row && col === b.col) return cells;
    const e2 = 2 * err;
    if (e2 > -dr) {
      err -= dr;
      col += sc;
    }
    if (e2 < dc) {
      err += dc;
      row += sr;
    }
  }
}

/**
 * A value as an edit box shows it: exact for what a person typed (0.25, -3), four
 * significant digits for drawn weights (0.2735 rather than 0.27346298098564148).
 */
export function editText(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(4)));
}
