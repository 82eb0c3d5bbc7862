/**
 * Samples with their labels, one after another: `x` is `count` samples of `sampleShape`
 * (channels last), `y` the `count` targets of `labelShape` (one-hot rows for a classifier).
 */
export interface LabelledSet {
  count: number;
  sampleShape: readonly number[];
  labelShape: readonly number[];
  x: Float32Array;
  y: Float32Array;
}

/** The first `n` samples of `set` (views, no copy). */
export function firstSamples(set: LabelledSet, n: number): LabelledSet {
  if (n >= set.count) return set;
  const xs = size(set.sampleShape);
  const ys = size(set.labelShape);
  return { ...set, count: n, x: set.x.subarray(0, n * xs), y: set.y.subarray(0, n * ys) };
}

export function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
