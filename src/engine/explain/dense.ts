import type { Activation } from '../../graph/types.ts';
import { activate } from '../kernels/activations.ts';

export interface DenseTerm {
  /** Index along the contracted (last) axis. */
  index: number;
  input: number;
  weight: number;
  product: number;
}

export interface DenseUnitExplanation {
  unit: number;
  /** Row of the input the unit reads (0 for a rank-1 input; the pixel for rank 3). */
  row: number;
  /** All terms when there are at most `top`; otherwise the `top` largest by |product|. */
  terms: DenseTerm[];
  /** Terms left out of `terms`, and what they add up to. */
  omitted: number;
  omittedSum: number;
  sum: number;
  bias: number;
  preActivation: number;
  activation: Activation;
  value: number;
}

/** The weighted sum behind one Dense output unit. */
export function explainDenseUnit(
  input: Float32Array,
  kernel: Float32Array,
  bias: Float32Array | null,
  inUnits: number,
  units: number,
  activation: Activation,
  row: number,
  unit: number,
  top = 12,
): DenseUnitExplanation {
  const all: DenseTerm[] = [];
  const x = input.subarray(row * inUnits, (row + 1) * inUnits);
  for (let i = 0; i < inUnits; i++)
    all.push({
      index: i,
      input: x[i],
      weight: kernel[i * units + unit],
      product: x[i] * kernel[i * units + unit],
    });
  const sum = all.reduce((a, t) => a + t.product, 0);
  const terms =
    all.length <= top
      ? all
      : [...all].sort((a, b) => Math.abs(b.product) - Math.abs(a.product)).slice(0, top);
  const shownSum = terms.reduce((a, t) => a + t.product, 0);
  const pre = new Float32Array(units);
  for (let u = 0; u < units; u++) {
    let s = 0;
    for (let i = 0; i < inUnits; i++) s += x[i] * kernel[i * units + u];
    pre[u] = Math.fround(s) + (bias ? bias[u] : 0);
  }
  const value = activate(pre.slice(), activation, units)[unit];
  return {
    unit,
    row,
    terms,
    omitted: all.length - terms.length,
    omittedSum: sum - shownSum,
    sum,
    bias: bias ? bias[unit] : 0,
    preActivation: pre[unit],
    activation,
    value,
  };
}
