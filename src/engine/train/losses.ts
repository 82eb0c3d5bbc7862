import type { Floats } from './floats.ts';

export type LossName = 'categoricalCrossentropy' | 'meanSquaredError';

/** The fuzz factor Keras and TensorFlow.js clip probabilities with. */
export const EPSILON = 1e-7;

/**
 * The batch's mean loss for predictions `y` against targets `t` (`count` values, rows of
 * `lastDim`), with its gradient written into `dy`. As tfjs-layers computes them:
 * - categoricalCrossentropy: each row is divided by its sum, clipped to [ε, 1 − ε] (which
 *   side of the clip a quotient falls on is decided in float32, as tfjs computes it), and
 *   scores −Σ t·log(p); the loss is the mean over rows (a rank-3 output has H·W per sample).
 * - meanSquaredError: the mean over every value of (y − t)².
 */
export function lossAndGradient(
  loss: LossName,
  y: Floats,
  t: Floats,
  count: number,
  lastDim: number,
  dy: Floats,
): number {
  return loss === 'meanSquaredError'
    ? meanSquaredError(y, t, count, dy)
    : categoricalCrossentropy(y, t, count, lastDim, dy);
}

function meanSquaredError(y: Floats, t: Floats, count: number, dy: Floats): number {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const d = y[i]! - t[i]!;
    sum += d * d;
    dy[i] = (2 * d) / count;
  }
  return sum / count;
}

function categoricalCrossentropy(
  y: Floats,
  t: Floats,
  count: number,
  lastDim: number,
  dy: Floats,
): number {
  const rows = count / lastDim;
  let total = 0;
  for (let start = 0; start < count; start += lastDim) {
    const end = start + lastDim;
    let s = 0;
    for (let i = start; i < end; i++) s += y[i]!;
    const s32 = Math.fround(s);
    // g_i = ∂row/∂p_i, zero where the clip held p; then back through p = y / s.
    let gq = 0;
    for (let i = start; i < end; i++) {
      const q = y[i]! / s;
      // tfjs stores the row's sum and each quotient in float32 and clips those: deciding on
      // the same float32 quotient puts a value within a rounding of ε or 1 − ε on tfjs's side.
      const q32 = Math.fround(y[i]! / s32);
      const inside = q32 >= EPSILON && q32 <= 1 - EPSILON;
      const p = inside ? q : q32 < EPSILON ? EPSILON : 1 - EPSILON;
      total -= t[i]! * Math.log(p);
      const g = inside ? -t[i]! / p : 0;
      dy[i] = g;
      gq += g * q;
    }
    for (let i = start; i < end; i++) dy[i] = (dy[i]! - gq) / s / rows;
  }
  return total / rows;
}
