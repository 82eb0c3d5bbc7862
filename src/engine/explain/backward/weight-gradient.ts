import type { StepRecord } from '../../train/step-record.ts';
import { layerInput, preActivationGradient, sizeOf } from './layer-input.ts';

/** One product of the sum that is a weight's gradient: an input value and the δ it met. */
export interface GradientTerm {
  /** Where δ is, within the sample's output: [row, col, filter] or [row, unit]. */
  at: number[];
  /** The input value the weight multiplied there (1 for a bias; 0 over padding). */
  x: number;
  padding: boolean;
  delta: number;
  product: number;
}

export interface SampleGradient {
  /** Position in the batch. */
  sample: number;
  terms: GradientTerm[];
  sum: number;
}

/**
 * ∂L/∂w of one weight written out: for every sample of the batch, the sum of the products
 * of the input values the weight touched in the forward pass with the gradient δ at the sums
 * it fed; the gradient is the sum over the batch (δ already holds the loss's 1/N).
 */
export interface WeightGradientExplanation {
  layer: number;
  param: 'kernel' | 'bias';
  index: number;
  /** Conv2D kernel [ky, kx, c, f]; Dense kernel [i, j]; bias [unit]. */
  coords: number[];
  samples: SampleGradient[];
  total: number;
  /** The engine's own gradient of this weight. */
  engine: number;
}

/** The gradient of `param`'s value `index` of layer `layer` in the recorded step. */
export function explainWeightGradient(
  record: StepRecord,
  layer: number,
  param: 'kernel' | 'bias',
  index: number,
): WeightGradientExplanation {
  const step = record.layers[layer];
  const p = step?.params.find((q) => q.name === param);
  if (!step || !p) throw new Error(`layer ${layer} has no ${param}`);
  if (!Number.isInteger(index) || index < 0 || index >= p.grad.length)
    throw new Error(`${param} has no value ${index}`);
  const coords = unravel(index, p.shape);
  const delta = preActivationGradient(step);
  const x = layerInput(record, layer);
  const inSize = sizeOf(step.inShape);
  const outSize = sizeOf(step.outShape);
  const samples: SampleGradient[] = [];
  for (let s = 0; s < record.n; s++) {
    const xs = x.subarray(s * inSize, (s + 1) * inSize);
    const ds = delta.subarray(s * outSize, (s + 1) * outSize);
    const terms =
      step.node.type === 'Conv2D'
        ? convTerms(step, param, coords, xs, ds)
        : denseTerms(step, param, coords, xs, ds);
    samples.push({ sample: s, terms, sum: terms.reduce((a, t) => a + t.product, 0) });
  }
  return {
    layer,
    param,
    index,
    coords,
    samples,
    total: samples.reduce((a, s) => a + s.sum, 0),
    engine: p.grad[index]!,
  };
}

function convTerms(
  step: StepRecord['layers'][number],
  param: 'kernel' | 'bias',
  coords: number[],
  x: Float32Array,
  delta: Float32Array,
): GradientTerm[] {
  const g = step.window!;
  const filters = step.outShape[2]!;
  const [ky, kx, c] = param === 'kernel' ? coords : [0, 0, 0];
  const f = param === 'kernel' ? coords[3]! : coords[0]!;
  const terms: GradientTerm[] = [];
  for (let oy = 0; oy < g.outH; oy++) {
    for (let ox = 0; ox < g.outW; ox++) {
      const d = delta[(oy * g.outW + ox) * filters + f]!;
      if (param === 'bias') {
        terms.push({ at: [oy, ox, f], x: 1, padding: false, delta: d, product: d });
        continue;
      }
      const iy = oy * g.sh - g.padTop + ky!;
      const ix = ox * g.sw - g.padLeft + kx!;
      const padding = iy < 0 || iy >= g.inH || ix < 0 || ix >= g.inW;
      const v = padding ? 0 : x[(iy * g.inW + ix) * g.inC + c!]!;
      terms.push({ at: [oy, ox, f], x: v, padding, delta: d, product: v * d });
    }
  }
  return terms;
}

function denseTerms(
  step: StepRecord['layers'][number],
  param: 'kernel' | 'bias',
  coords: number[],
  x: Float32Array,
  delta: Float32Array,
): GradientTerm[] {
  const units = step.outShape[step.outShape.length - 1]!;
  const inUnits = step.inShape[step.inShape.length - 1]!;
  const rows = sizeOf(step.outShape) / units;
  const [i, j] = param === 'kernel' ? coords : [0, coords[0]!];
  const terms: GradientTerm[] = [];
  for (let r = 0; r < rows; r++) {
    const d = delta[r * units + j!]!;
    const v = param === 'kernel' ? x[r * inUnits + i!]! : 1;
    terms.push({ at: [r, j!], x: v, padding: false, delta: d, product: v * d });
  }
  return terms;
}

/** A flat index as coordinates of `shape` (row-major). */
export function unravel(index: number, shape: readonly number[]): number[] {
  const coords = new Array<number>(shape.length);
  let rest = index;
  for (let k = shape.length - 1; k >= 0; k--) {
    coords[k] = rest % shape[k]!;
    rest = Math.floor(rest / shape[k]!);
  }
  return coords;
}
