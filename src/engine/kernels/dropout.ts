import { mulberry32 } from '../../graph/prng.ts';

/**
 * The keep-mask of a training-mode Dropout: element i (row-major) is kept when the i-th
 * draw of mulberry32(seed) is at least `rate`.
 */
export function dropoutMask(size: number, rate: number, seed: number): Uint8Array {
  const next = mulberry32(seed);
  const keep = new Uint8Array(size);
  for (let i = 0; i < size; i++) keep[i] = next() >= rate ? 1 : 0;
  return keep;
}

/** Training: each element is 0 or x / (1 - rate). Inference: the identity, as in Keras. */
export function dropout(
  x: Float32Array,
  rate: number,
  training: boolean,
  seed: number,
): Float32Array {
  if (!training || rate === 0) return x.slice();
  const keep = dropoutMask(x.length, rate, seed);
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = keep[i] ? x[i] / (1 - rate) : 0;
  return out;
}
