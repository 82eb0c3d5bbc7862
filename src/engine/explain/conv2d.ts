import type { Activation } from '../../graph/types.ts';
import { activate } from '../kernels/activations.ts';
import type { WindowInfo } from '../../graph/window.ts';

/** One cell under the window: its kernel offset, its input coordinates, and whether it is padding. */
export interface WindowCell {
  ky: number;
  kx: number;
  /** Input row and column; outside the input for a padding cell. */
  iy: number;
  ix: number;
  padding: boolean;
}

/** The multiply-accumulate of one input channel: 対応するマス目どうしの積 and their sum. */
export interface ChannelTerms {
  channel: number;
  /** Row-major over the window, kh·kw values each; padding cells read 0. */
  inputs: number[];
  weights: number[];
  products: number[];
  sum: number;
}

export interface ConvCellExplanation {
  row: number;
  col: number;
  filter: number;
  cells: WindowCell[];
  channels: ChannelTerms[];
  /** Sum of the channel sums. */
  total: number;
  bias: number;
  /** total + bias, before the activation. */
  preActivation: number;
  activation: Activation;
  value: number;
}

/** The input cells the window covers for output (row, col), padding included, row-major. */
export function windowCells(g: WindowInfo, row: number, col: number): WindowCell[] {
  const cells: WindowCell[] = [];
  for (let ky = 0; ky < g.kh; ky++) {
    for (let kx = 0; kx < g.kw; kx++) {
      const iy = row * g.sh - g.padTop + ky;
      const ix = col * g.sw - g.padLeft + kx;
      cells.push({ ky, kx, iy, ix, padding: iy < 0 || iy >= g.inH || ix < 0 || ix >= g.inW });
    }
  }
  return cells;
}

/** Output positions in the order the window walks: left to right, top to bottom. */
export function windowWalk(g: WindowInfo): { row: number; col: number }[] {
  const walk: { row: number; col: number }[] = [];
  for (let row = 0; row < g.outH; row++)
    for (let col = 0; col < g.outW; col++) walk.push({ row, col });
  return walk;
}

/**
 * How Conv2D computes output (row, col, filter): per input channel the products of
 * corresponding cells and their sum, then the total, the bias and the activation — the
 * reference kernel's arithmetic, written out for the explain view.
 */
export function explainConv2DCell(
  input: Float32Array,
  kernel: Float32Array,
  bias: Float32Array | null,
  g: WindowInfo,
  filters: number,
  activation: Activation,
  row: number,
  col: number,
  filter: number,
): ConvCellExplanation {
  const cells = windowCells(g, row, col);
  const pre = new Float32Array(filters);
  let terms: ChannelTerms[] = [];
  for (let f = 0; f < filters; f++) {
    const channels = channelTerms(input, kernel, g, cells, filters, f);
    const total = channels.reduce((a, c) => a + c.sum, 0);
    pre[f] = Math.fround(total) + (bias ? bias[f] : 0);
    if (f === filter) terms = channels;
  }
  const preActivation = pre[filter];
  const value = activate(pre.slice(), activation, filters)[filter];
  const total = terms.reduce((a, c) => a + c.sum, 0);
  return {
    row,
    col,
    filter,
    cells,
    channels: terms,
    total,
    bias: bias ? bias[filter] : 0,
    preActivation,
    activation,
    value,
  };
}

function channelTerms(
  input: Float32Array,
  kernel: Float32Array,
  g: WindowInfo,
  cells: WindowCell[],
  filters: number,
  f: number,
): ChannelTerms[] {
  const out: ChannelTerms[] = [];
  for (let c = 0; c < g.inC; c++) {
    const inputs = cells.map((cell) =>
      cell.padding ? 0 : input[(cell.iy * g.inW + cell.ix) * g.inC + c],
    );
    const weights = cells.map(
      (cell) => kernel[((cell.ky * g.kw + cell.kx) * g.inC + c) * filters + f],
    );
    const products = inputs.map((x, i) => x * weights[i]);
    out.push({ channel: c, inputs, weights, products, sum: products.reduce((a, b) => a + b, 0) });
  }
  return out;
}
