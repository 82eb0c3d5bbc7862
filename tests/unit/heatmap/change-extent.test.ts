import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedCells, isChanged } from '../../../src/panels/heatmap/change-outline.ts';
import {
  countedExtent,
  extentAfterChange,
  finiteExtent,
  type CountedExtent,
} from '../../../src/panels/heatmap/color-scale.ts';

/** Values with the awkward ones a tensor can hold: ±0, NaN, ±Infinity, repeats. */
const value = fc.oneof(
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1, -1),
  fc.float({ min: -8, max: 8, noNaN: true }),
);

/**
 * A tensor and the same after some cells were set: anywhere, or (as a dot does) within five
 * neighbouring cells.
 */
const editedOf = (minLength: number) =>
  fc
    .tuple(
      fc.array(value, { minLength, maxLength: 40 }),
      fc.array(fc.tuple(fc.nat(), value), { maxLength: 6 }),
      fc.option(fc.nat(), { nil: undefined }),
    )
    .map(([values, edits, near]) => {
      const before = Float32Array.from(values);
      const after = before.slice();
      for (const [at, v] of edits)
        after[(near === undefined ? at : near + (at % 5)) % after.length] = v;
      return { before, after };
    });
const edited = editedOf(1);
/** Long enough that a dot's change stays under half the tensor, where the shortcut is taken. */
const editedLong = editedOf(12);

describe('what a recomputation changed', () => {
  it('countedExtent is finiteExtent, and counts the values at each end', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 30 }), (values) => {
        const data = Float32Array.from(values);
        const e = countedExtent(data);
        expect([e.min, e.max]).toEqual(finiteExtent(data));
        const finite = values.filter(Number.isFinite);
        expect(e.atMin).toBe(finite.length ? data.filter((v) => v === e.min).length : 0);
        expect(e.atMax).toBe(finite.length ? data.filter((v) => v === e.max).length : 0);
      }),
      { numRuns: 300 },
    );
  });

  it('changedCells marks exactly the cells whose values differ (NaN is NaN, -0 is 0)', () => {
    fc.assert(
      fc.property(edited, ({ before, after }) => {
        const differs = Array.from(
          after,
          (v, i) => !(v === before[i] || (v !== v && before[i] !== before[i])),
        );
        const change = changedCells(before, after);
        const indices = differs.flatMap((d, i) => (d ? [i] : []));
        if (indices.length === 0) {
          expect(change).toBeNull();
          return;
        }
        expect(Array.from(after, (_, i) => isChanged(change!, i))).toEqual(differs);
        expect(change!.marks).toHaveLength(change!.last - change!.first + 1);
        expect([change!.first, change!.last]).toEqual([indices[0], indices.at(-1)]);
      }),
      { numRuns: 500 },
    );
  });

  it('the extent after a change, when it can tell, is the extent of a whole scan', () => {
    let told = 0;
    fc.assert(
      fc.property(editedLong, ({ before, after }) => {
        const change = changedCells(before, after);
        if (!change) return;
        const got = extentAfterChange(
          countedExtent(before),
          before,
          after,
          change.first,
          change.last,
        );
        if (got === null) return;
        told++;
        // 0 and -0 colour alike: compared as numbers, not by sign.
        const zeroless = (e: CountedExtent) => ({ ...e, min: e.min + 0, max: e.max + 0 });
        expect(zeroless(got)).toEqual(zeroless(countedExtent(after)));
      }),
      { numRuns: 500 },
    );
    // Most changes leave the extremes where they were: the shortcut is taken.
    expect(told).toBeGreaterThan(100);
  });
});
