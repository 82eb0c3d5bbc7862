import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markedBox } from '../../../src/panels/heatmap/channel-paint.ts';
import type { MapLayout } from '../../../src/panels/heatmap/map-layout.ts';

/** The same box by the plain rule: every marked cell's row and column, min and max. */
function boxByHand(layout: MapLayout, channel: number, marks: Uint8Array) {
  const rows: number[] = [];
  const cols: number[] = [];
  for (let i = 0; i < layout.count; i++)
    if (marks[i * layout.channels + channel]) {
      rows.push(Math.floor(i / layout.cols));
      cols.push(i % layout.cols);
    }
  if (!rows.length) return null;
  return {
    top: Math.min(...rows),
    left: Math.min(...cols),
    bottom: Math.max(...rows),
    right: Math.max(...cols),
  };
}

describe('markedBox: the outline around the cells an edit changed', () => {
  it('bounds exactly the marked cells of its channel, in maps and in short strips', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 8 }),
        // Every cell a candidate (dense edits: the box spans every column early), or one in 3.
        fc.constantFrom(1, 3),
        fc.infiniteStream(fc.boolean()),
        (rows, cols, channels, short, every, bits) => {
          const count = Math.max(1, rows * cols - Math.min(short, cols - 1));
          const layout: MapLayout = { rank: 3, rows, cols, channels, count, small: false };
          const marks = new Uint8Array(count * channels);
          const take = bits[Symbol.iterator]();
          for (let i = 0; i < marks.length; i++)
            marks[i] = take.next().value && i % every === 0 ? 1 : 0;
          for (let c = 0; c < channels; c++)
            expect(markedBox(layout, c, marks)).toEqual(boxByHand(layout, c, marks));
        },
      ),
      { numRuns: 300 },
    );
  });
});
