import { describe, expect, it } from 'vitest';
import { axisTaps, resample } from '../../../src/editor/image/resample.ts';

const sum = (ws: number[]) => ws.reduce((a, b) => a + b, 0);

describe('axisTaps', () => {
  it('4→2 averages pairs', () => {
    expect(axisTaps(4, 0, 4, 2)).toEqual([
      { first: 0, weights: [0.5, 0.5] },
      { first: 2, weights: [0.5, 0.5] },
    ]);
  });

  it('3→2 splits the middle pixel by area', () => {
    const taps = axisTaps(3, 0, 3, 2);
    expect(taps[0]!.first).toBe(0);
    expect(taps[0]!.weights).toEqual([2 / 3, 1 / 3].map((w) => expect.closeTo(w, 12)));
    expect(taps[1]!.first).toBe(1);
    expect(taps[1]!.weights).toEqual([1 / 3, 2 / 3].map((w) => expect.closeTo(w, 12)));
  });

  it('2→4 interpolates between centres and clamps at the edges', () => {
    expect(axisTaps(2, 0, 2, 4)).toEqual([
      { first: 0, weights: [1] },
      { first: 0, weights: [0.75, 0.25] },
      { first: 0, weights: [0.25, 0.75] },
      { first: 1, weights: [1] },
    ]);
  });

  it('every tap of 4000→28, 999→256 and 28→256 sums to 1 and stays on the axis', () => {
    for (const [src, dst] of [
      [4000, 28],
      [999, 256],
      [28, 256],
      [7, 7],
    ] as const) {
      for (const tap of axisTaps(src, 0, src, dst)) {
        expect(sum(tap.weights)).toBeCloseTo(1, 9);
        expect(tap.first).toBeGreaterThanOrEqual(0);
        expect(tap.first + tap.weights.length).toBeLessThanOrEqual(src);
      }
    }
  });

  it('a cropped span 1.5..3.5 of 5 → 2 reads only pixels 1 to 3', () => {
    const taps = axisTaps(5, 1.5, 2, 2);
    expect(taps.map((t) => t.first)).toEqual([1, 2]);
    expect(taps[0]!.weights).toEqual([0.5, 0.5]);
    expect(taps[1]!.weights).toEqual([0.5, 0.5]);
  });
});

describe('resample', () => {
  it('x=[2,2,1] → [1,1] is the mean', () => {
    expect([...resample(Float32Array.of(0, 1, 2, 3), 2, 2, 1, 1, 1)]).toEqual([1.5]);
  });

  it('x=[2,4,2] → [1,2,2] averages each channel separately', () => {
    // Channel 0 counts up, channel 1 is 10× it.
    const src = Float32Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? i / 2 : (i - 1) * 5));
    expect([...resample(src, 4, 2, 2, 2, 1)]).toEqual([2.5, 25, 4.5, 45]);
  });

  it('a 1-pixel checkerboard 64×64 → 8×8 is flat 0.5 (area averaging does not alias)', () => {
    const src = Float32Array.from(
      { length: 64 * 64 },
      (_, i) => ((i % 64) + Math.floor(i / 64)) % 2,
    );
    for (const v of resample(src, 64, 64, 1, 8, 8)) expect(v).toBeCloseTo(0.5, 6);
  });

  it('a constant image stays constant at any size', () => {
    const src = new Float32Array(5 * 3).fill(7);
    for (const [w, h] of [
      [2, 2],
      [9, 4],
      [1, 1],
    ] as const)
      for (const v of resample(src, 5, 3, 1, w, h)) expect(v).toBeCloseTo(7, 5);
  });

  it('crop rect picks the centre of x=[1,4,1] → [1,2,1]', () => {
    const src = Float32Array.of(1, 2, 3, 4);
    expect([...resample(src, 4, 1, 1, 2, 1, { x: 1, y: 0, width: 2, height: 1 })]).toEqual([2, 3]);
  });
});
