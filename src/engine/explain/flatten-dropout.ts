import { dropoutMask } from '../kernels/dropout.ts';

/** Where element i of a flattened `[H, W, C]` tensor came from: row-major, channels last. */
export function flattenSource(
  shape: readonly number[],
  index: number,
): { row: number; col: number; channel: number } {
  if (shape.length !== 3) return { row: 0, col: index, channel: 0 };
  const [, w, c] = shape;
  return { row: Math.floor(index / (w * c)), col: Math.floor(index / c) % w, channel: index % c };
}

export interface DropoutExplanation {
  training: boolean;
  rate: number;
  /** 1/(1 − rate): what the kept units are multiplied by while training. */
  scale: number;
  /** 1 = kept, 0 = dropped; all kept when not training. */
  keep: Uint8Array;
  dropped: number;
}

/** Which units a Dropout keeps, and the scale of the rest. */
export function explainDropout(
  size: number,
  rate: number,
  training: boolean,
  seed: number,
): DropoutExplanation {
  const keep = training && rate > 0 ? dropoutMask(size, rate, seed) : new Uint8Array(size).fill(1);
  const dropped = keep.reduce((n, k) => n + (k ? 0 : 1), 0);
  return { training, rate, scale: training ? 1 / (1 - rate) : 1, keep, dropped };
}
