import { describe, expect, it } from 'vitest';
import { centerLikeMnist } from '../../../src/editor/image/mnist-style.ts';

function bounds(a: Float32Array, side = 28) {
  let [x0, y0, x1, y1] = [side, side, -1, -1];
  let [m, cx, cy] = [0, 0, 0];
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const v = a[y * side + x]!;
      if (v > 0.05)
        [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      m += v;
      cx += v * (x + 0.5);
      cy += v * (y + 0.5);
    }
  return { w: x1 - x0 + 1, h: y1 - y0 + 1, cx: cx / m, cy: cy / m };
}

describe('centerLikeMnist', () => {
  it('a small stroke in a corner becomes 20 px tall, its centre of mass at the centre', () => {
    const a = new Float32Array(784);
    // A vertical bar 8 px tall, 2 px wide, at the top left.
    for (let y = 1; y < 9; y++) for (let x = 2; x < 4; x++) a[y * 28 + x] = 1;
    const b = bounds(centerLikeMnist(a));
    expect(b.h).toBe(20);
    expect(b.w).toBeLessThanOrEqual(6);
    expect(Math.abs(b.cx - 14)).toBeLessThanOrEqual(1);
    expect(Math.abs(b.cy - 14)).toBeLessThanOrEqual(1);
  });

  it('a wide stroke keeps its aspect: 20 px wide, shorter than tall', () => {
    const a = new Float32Array(784);
    for (let y = 20; y < 24; y++) for (let x = 0; x < 28; x++) a[y * 28 + x] = 0.8;
    const b = bounds(centerLikeMnist(a));
    expect(b.w).toBe(20);
    expect(b.h).toBeLessThanOrEqual(4);
  });

  it('a blank drawing stays blank', () => {
    expect([...centerLikeMnist(new Float32Array(784))].every((v) => v === 0)).toBe(true);
  });
});
