import { describe, expect, it } from 'vitest';
import { EPSILON, lossAndGradient } from '../../../src/engine/train/losses.ts';

/**
 * categoricalCrossentropy at the edge of its clip. tfjs-layers divides a row by its sum and
 * clips the quotient to [ε, 1 − ε] with both the sum and the quotient stored in float32; the
 * gradient passes only where the float32 quotient is inside. Values are float32 outputs.
 */
function crossentropy(y: number[], t: number[]) {
  const dy = new Float32Array(y.length);
  const loss = lossAndGradient(
    'categoricalCrossentropy',
    Float32Array.from(y),
    Float32Array.from(t),
    y.length,
    y.length,
    dy,
  );
  return { loss, dy };
}

describe('categoricalCrossentropy clip, decided on float32 quotients as tfjs does', () => {
  it('row [1−2⁻²³, 9.7e−8] target 0: float32 quotient 1−2⁻²³ is inside, gradient passes', () => {
    // The sum 0.99999998 is stored as 1, so tfjs's quotient is 1−2⁻²³ ≤ 1 − ε; in float64 it
    // would be 0.99999990 > 1 − ε, and the row's gradient would be cut.
    const y = [1 - 2 ** -23, Math.fround(9.7e-8)];
    const s = y[0]! + y[1]!;
    const { loss, dy } = crossentropy(y, [1, 0]);
    expect(loss).toBeCloseTo(-Math.log(y[0]! / s), 15);
    expect(dy[1]).toBeCloseTo(1 / s, 6);
    expect(dy[0]).toBeLessThan(0);
  });

  it('row [1−2⁻²⁴, 5e−8] target 0: float32 quotient 1−2⁻²⁴ is past 1 − ε, gradient cut', () => {
    const { loss, dy } = crossentropy([1 - 2 ** -24, Math.fround(5e-8)], [1, 0]);
    expect(loss).toBeCloseTo(-Math.log(1 - EPSILON), 15);
    expect(dy.every((v) => v === 0)).toBe(true);
  });

  it('row [0.5, 9.9e−8, 0.5] target 1: below ε, clipped low and cut', () => {
    const { loss, dy } = crossentropy([0.5, Math.fround(0.99e-7), 0.5], [0, 1, 0]);
    expect(loss).toBeCloseTo(-Math.log(EPSILON), 12);
    expect(dy.every((v) => v === 0)).toBe(true);
  });
});
