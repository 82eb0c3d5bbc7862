import { describe, expect, it } from 'vitest';
import { plain } from '../helpers.ts';
import { SAMPLE_KINDS, sampleTensor } from '../../../src/editor/samples/samples.ts';

const at = (data: ArrayLike<number>, w: number, x: number, y: number) => data[y * w + x]!;

describe('sampleTensor', () => {
  it('gradient x=[1,5,1] is 0, 0.25, 0.5, 0.75, 1', () => {
    expect(plain(sampleTensor('gradient', 1, 5, 1))).toEqual({
      shape: [1, 5, 1],
      data: [0, 0.25, 0.5, 0.75, 1],
    });
  });

  it('checkerboard x=[16,16,1] has 2-pixel cells starting dark', () => {
    const { data } = sampleTensor('checkerboard', 16, 16, 1);
    expect([0, 1, 2, 3].map((x) => at(data, 16, x, 0))).toEqual([0, 0, 1, 1]);
    expect(at(data, 16, 0, 2)).toBe(1);
  });

  it('stripes-0 vary only down, stripes-90 only across', () => {
    const h = sampleTensor('stripes-0', 10, 10, 1).data;
    const v = sampleTensor('stripes-90', 10, 10, 1).data;
    for (let y = 0; y < 10; y++)
      for (let x = 0; x < 10; x++) {
        expect(at(h, 10, x, y)).toBe(at(h, 10, 0, y));
        expect(at(v, 10, x, y)).toBe(at(v, 10, x, 0));
      }
    expect(new Set(h)).toEqual(new Set([0, 1]));
  });

  it('stripes-45 are constant along the rising diagonal, stripes-135 along the falling one', () => {
    const d45 = sampleTensor('stripes-45', 12, 12, 1).data;
    const d135 = sampleTensor('stripes-135', 12, 12, 1).data;
    for (let i = 0; i <= 5; i++) expect(at(d45, 12, i, 5 - i)).toBe(at(d45, 12, 0, 5));
    for (let i = 0; i < 12; i++) expect(at(d135, 12, i, i)).toBe(at(d135, 12, 0, 0));
    expect(new Set(d45).size).toBe(2);
  });

  it('circle x=[28,28,1] is bright at the centre, dark in the corners, soft at the rim', () => {
    const { data } = sampleTensor('circle', 28, 28, 1);
    expect(at(data, 28, 14, 14)).toBe(1);
    expect(at(data, 28, 0, 0)).toBe(0);
    expect(data.some((v) => v > 0 && v < 1)).toBe(true);
  });

  it('digit-1 x=[28,28,1] inks a vertical bar near the middle and leaves the border blank', () => {
    const { data } = sampleTensor('digit-1', 28, 28, 1);
    const column = Array.from({ length: 28 }, (_, x) => x).find((x) => at(data, 28, x, 14) === 1);
    expect(column).toBeGreaterThanOrEqual(12);
    expect(column).toBeLessThanOrEqual(16);
    for (let i = 0; i < 28; i++) {
      expect(at(data, 28, i, 0)).toBe(0);
      expect(at(data, 28, 0, i)).toBe(0);
    }
  });

  it('every kind at x=[28,28,3], [5,5,1] and [1,1,1]: right length, values in [0,1], channels alike', () => {
    for (const kind of SAMPLE_KINDS) {
      for (const [h, w, c] of [
        [28, 28, 3],
        [5, 5, 1],
        [1, 1, 1],
      ] as const) {
        const t = sampleTensor(kind, h, w, c);
        expect(t.shape).toEqual([h, w, c]);
        expect(t.data).toHaveLength(h * w * c);
        expect(t.data.every((v) => v >= 0 && v <= 1)).toBe(true);
        if (c === 3) expect(t.data.every((v, i) => v === t.data[i - (i % 3)])).toBe(true);
      }
    }
  });

  it('each digit x=[28,28,1] differs from every other and has some ink', () => {
    const digits = SAMPLE_KINDS.filter((k) => k.startsWith('digit-')).map(
      (k) => sampleTensor(k, 28, 28, 1).data,
    );
    expect(digits).toHaveLength(10);
    const keys = new Set(digits.map((d) => d.join(',')));
    expect(keys.size).toBe(10);
    for (const d of digits) expect(d.filter((v) => v > 0.5).length).toBeGreaterThan(20);
  });
});
