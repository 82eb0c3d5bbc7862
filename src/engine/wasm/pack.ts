import type { Uploadable } from './resident-weights.ts';

/** A `[depth, filters]` kernel (and bias) in the layout the SIMD kernels read. */
export interface PackedWeights extends Uploadable {
  readonly depth: number;
  readonly filters: number;
  /** Float index of the bias within `data`. */
  readonly biasAt: number;
}

/**
 * Re-lay a row-major `[depth, filters]` kernel (a Conv2D's `[kh, kw, inC, filters]` is one,
 * with depth kh·kw·inC) as panels of 8 filters, each `[depth][8]` and zero-padded past
 * `filters`, followed by the bias padded the same way (zeros when there is none). Done once
 * per edit: the WeightStore keeps the result with the resolved weights.
 * @example packWeights(kernel, bias, 3 * 3 * 32, 64).data.length // 8 panels·288·8 + 64
 */
export function packWeights(
  kernel: Float32Array,
  bias: Float32Array | null,
  depth: number,
  filters: number,
): PackedWeights {
  const panels = Math.ceil(filters / 8);
  const biasAt = panels * depth * 8;
  const data = new Float32Array(biasAt + panels * 8);
  for (let j = 0; j < panels; j++) {
    const cols = Math.min(8, filters - j * 8);
    for (let k = 0; k < depth; k++) {
      const from = k * filters + j * 8;
      const to = (j * depth + k) * 8;
      for (let c = 0; c < cols; c++) data[to + c] = kernel[from + c];
    }
  }
  if (bias) data.set(bias, biasAt);
  return { data, depth, filters, biasAt };
}
