import { convFans, resolveWeight } from '../../engine/weights.ts';
import type { NodeOf, TensorValue, WeightSpec } from '../../graph/types.ts';

/** One cell to change: a flat index into a tensor's data and its new value. */
export interface CellChange {
  index: number;
  value: number;
}

/**
 * The tensor with some cells changed; the same object when nothing changes (so a paint
 * stroke over cells already of its value dispatches nothing).
 * @example withCells({ shape: [2], data: [0, 0] }, [{ index: 1, value: 5 }]) // data [0, 5]
 */
export function withCells(tensor: TensorValue, changes: readonly CellChange[]): TensorValue {
  const valid = changes.filter(
    (c) => Number.isInteger(c.index) && c.index >= 0 && c.index < tensor.data.length,
  );
  if (valid.every((c) => Object.is(tensor.data[c.index], c.value))) return tensor;
  const data = [...tensor.data];
  for (const c of valid) data[c.index] = c.value;
  return { shape: [...tensor.shape], data };
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

/** A Conv2D's kernel and bias as explicit tensors: initializers resolved the engine's way. */
export function explicitConvWeights(
  node: NodeOf<'Conv2D'>,
  inC: number,
): { kernel: TensorValue; bias: TensorValue } {
  const { kernelSize, filters } = node.params;
  const [kh, kw] = kernelSize;
  const fans = convFans(kh, kw, inC, filters);
  const explicit = (spec: WeightSpec, shape: number[]): TensorValue => ({
    shape,
    data: Array.from(resolveWeight(spec, shape, fans)),
  });
  return {
    kernel: explicit(node.params.kernel, [kh, kw, inC, filters]),
    bias: explicit(node.params.bias, [filters]),
  };
}

/**
 * The `setParams` patch that changes kernel cells (flat indices) of a Conv2D: a kernel given
 * by an initializer becomes explicit, holding the very numbers the engine drew, so editing
 * one cell leaves every other weight as it was.
 */
export function kernelCellsPatch(
  node: NodeOf<'Conv2D'>,
  inC: number,
  changes: readonly CellChange[],
): { kernel: TensorValue } {
  return { kernel: withCells(explicitConvWeights(node, inC).kernel, changes) };
}

/** The `setParams` patch that changes one filter's bias (made explicit like the kernel). */
export function biasCellPatch(
  node: NodeOf<'Conv2D'>,
  inC: number,
  filter: number,
  value: number,
): { bias: TensorValue } {
  return { bias: withCells(explicitConvWeights(node, inC).bias, [{ index: filter, value }]) };
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
