import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedCells } from '../../../src/panels/heatmap/change-outline.ts';
import { changedBox, paintChannel } from '../../../src/panels/heatmap/channel-paint.ts';
import { colorScaleFor } from '../../../src/panels/heatmap/color-scale.ts';
import type { MapLayout } from '../../../src/panels/heatmap/map-layout.ts';

/** A 2D context's bitmap, as far as paintChannel uses one; counts the pixels put. */
function fakeContext(cols: number, rows: number) {
  const bitmap = new Uint8ClampedArray(4 * cols * rows);
  let put = 0;
  const ctx = {
    createImageData: (w: number, h: number) =>
      ({ width: w, height: h, data: new Uint8ClampedArray(4 * w * h) }) as ImageData,
    putImageData(image: ImageData, dx: number, dy: number, x = 0, y = 0, w = cols, h = rows) {
      expect([dx, dy]).toEqual([0, 0]);
      for (let r = y; r < y + h; r++)
        for (let c = x; c < x + w; c++)
          for (let k = 0; k < 4; k++)
            bitmap[4 * (r * cols + c) + k] = image.data[4 * (r * cols + c) + k]!;
      put += w * h;
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, bitmap, put: () => put };
}

describe('paintChannel: repainting only what changed', () => {
  it('leaves the bitmap as a whole repaint would, and puts only the changed box', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 7 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 10 })), { maxLength: 6 }),
        (rows, cols, channels, short, edits) => {
          const count = Math.max(1, rows * cols - Math.min(short, cols - 1));
          const layout: MapLayout = { rank: 3, rows, cols, channels, count, small: false };
          const before = Float32Array.from({ length: count * channels }, (_, i) => i % 11);
          const after = before.slice();
          for (const [at, v] of edits) after[at % after.length] = v;
          // Values stay within 0..10 at both ends: the same scale colours both.
          after[0] = 0;
          after[1 % after.length] = before[1 % after.length]!;
          const scale = colorScaleFor(Float32Array.of(0, 10));
          const change = changedCells(before, after);
          for (let channel = 0; channel < channels; channel++) {
            const partial = fakeContext(cols, rows);
            const image = paintChannel(partial.ctx, layout, before, channel, scale);
            const putBefore = partial.put();
            const region = change ? changedBox(layout, channel, change) : null;
            paintChannel(partial.ctx, layout, after, channel, scale, image, region);
            const whole = fakeContext(cols, rows);
            paintChannel(whole.ctx, layout, after, channel, scale);
            expect(partial.bitmap).toEqual(whole.bitmap);
            const boxCells = region
              ? (region.bottom - region.top + 1) * (region.right - region.left + 1)
              : 0;
            expect(partial.put() - putBefore).toBe(boxCells);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('repaints all of it when not told what changed', () => {
    const layout: MapLayout = { rank: 3, rows: 2, cols: 3, channels: 1, count: 6, small: false };
    const { ctx, put } = fakeContext(3, 2);
    const scale = colorScaleFor(Float32Array.of(0, 5));
    const image = paintChannel(ctx, layout, Float32Array.of(0, 1, 2, 3, 4, 5), 0, scale);
    paintChannel(ctx, layout, Float32Array.of(5, 4, 3, 2, 1, 0), 0, scale, image);
    expect(put()).toBe(12);
  });
});
