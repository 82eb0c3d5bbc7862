import type { Floats } from './floats.ts';

/**
 * How many of the rows (of `lastDim` values) a prediction got right, as Keras's `accuracy`
 * chooses: the class with the highest score against the label's (categorical), or for a
 * single output, the prediction rounded at 0.5 against the target (binary).
 * @returns [correct rows, rows]
 */
export function correctRows(
  y: Floats,
  t: Floats,
  count: number,
  lastDim: number,
): [number, number] {
  let correct = 0;
  for (let start = 0; start < count; start += lastDim) {
    if (lastDim === 1) {
      if ((y[start]! > 0.5 ? 1 : 0) === t[start]) correct++;
      continue;
    }
    if (argmax(y, start, lastDim) === argmax(t, start, lastDim)) correct++;
  }
  return [correct, count / lastDim];
}

/** The offset (from `start`) of the first largest of `n` values. */
export function argmax(a: Floats, start: number, n: number): number {
  let best = 0;
  for (let i = 1; i < n; i++) if (a[start + i]! > a[start + best]!) best = i;
  return best;
}
