import { describe, expect, it } from 'vitest';
import { float32Json, stringifyDocument } from '../../src/graph/tensor-data.ts';
import { makeRng } from '../property/rng.ts';

/** The reference: the fewest significant digits whose decimal reads back as the float32. */
function shortest(v: number): string {
  for (let d = 1; d < 9; d++) {
    const s = Number(v.toPrecision(d));
    if (Math.fround(s) === v) return JSON.stringify(s);
  }
  return JSON.stringify(Number(v.toPrecision(9)));
}

describe('float32Json', () => {
  it('0.1, 1/3, -2.5e-8, 3.4e38 as float32 read back as themselves, written short', () => {
    for (const x of [0.1, 1 / 3, -2.5e-8, 3.4e38, 0.299, 1e-45, 123456.7]) {
      const v = Math.fround(x);
      expect(Math.fround(float32Json(v))).toBe(v);
      expect(JSON.stringify(float32Json(v))).toBe(shortest(v));
    }
    expect(JSON.stringify(float32Json(Math.fround(0.1)))).toBe('0.1');
  });

  it('200,000 random float32 values of every magnitude (seed 11): exact and never longer than the shortest', () => {
    const rng = makeRng(11);
    for (let i = 0; i < 200_000; i++) {
      const v = Math.fround((rng.next() - 0.5) * 10 ** rng.int(-40, 38));
      const json = float32Json(v);
      expect(Math.fround(json)).toBe(v);
      expect(JSON.stringify(json).length).toBeLessThanOrEqual(shortest(v).length);
    }
  });

  it('a document with typed arrays stringifies them as plain arrays', () => {
    expect(
      stringifyDocument({ t: { shape: [2], data: Float32Array.of(0.5, Math.fround(0.1)) } }),
    ).toBe('{"t":{"shape":[2],"data":[0.5,0.1]}}');
  });
});
