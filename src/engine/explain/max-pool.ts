import type { WindowInfo } from '../../graph/window.ts';
import { windowCells, type WindowCell } from './conv2d.ts';

export interface PoolCellExplanation {
  row: number;
  col: number;
  channel: number;
  /** The window, padding cells included (they never win: `same` pooling ignores them). */
  cells: (WindowCell & { value: number | null })[];
  /** The first cell holding the maximum, in row-major order, as TF picks it. */
  winner: { iy: number; ix: number };
  value: number;
}

/** Which input cell wins output (row, col, channel) of a max pooling. */
export function explainMaxPoolCell(
  input: Float32Array,
  g: WindowInfo,
  row: number,
  col: number,
  channel: number,
): PoolCellExplanation {
  const cells = windowCells(g, row, col).map((cell) => ({
    ...cell,
    value: cell.padding ? null : input[(cell.iy * g.inW + cell.ix) * g.inC + channel],
  }));
  let best = cells[0];
  for (const cell of cells)
    if (cell.value !== null && (best.value === null || cell.value > best.value)) best = cell;
  return {
    row,
    col,
    channel,
    cells,
    winner: { iy: best.iy, ix: best.ix },
    value: best.value ?? -Infinity,
  };
}
