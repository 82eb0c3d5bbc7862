import { describe, expect, it } from 'vitest';
import { chain, evaluate, inputNode, rampGrid, hwc, referenceMulberry32 } from './helpers.ts';

function dropout(params: Record<string, unknown>, grid = rampGrid(8, 8, 1)) {
  return evaluate(chain(inputNode('in', hwc(grid)), { id: 'd', type: 'Dropout', params })).out('d');
}

describe('Dropout', () => {
  it('x=[8,8,1] rate=0.25 training: kept values scaled by 1/(1−rate) = 4/3', () => {
    const out = dropout({ rate: 0.25, training: true, seed: 11 });
    const next = referenceMulberry32(11);
    const expected = rampGrid(8, 8, 1)
      .flat()
      .map((v) => (next() >= 0.25 ? Math.fround(v / 0.75) : 0));
    expect(out.shape).toEqual([8, 8, 1]);
    expect(out.data).toEqual(expected);
  });

  it('x=[8,8,1] rate=0 training: the identity', () => {
    expect(dropout({ rate: 0, training: true, seed: 5 }).data).toEqual(rampGrid(8, 8, 1).flat());
  });

  it('x=[8,8,1] rate=0.9 training false: the identity', () => {
    expect(dropout({ rate: 0.9, seed: 5 }).data).toEqual(rampGrid(8, 8, 1).flat());
  });

  it('x=[8,8,1] rate=0.99 training: nearly everything dropped, nothing else', () => {
    const out = dropout({ rate: 0.99, training: true, seed: 1 });
    const input = rampGrid(8, 8, 1).flat();
    out.data.forEach((v, i) => {
      if (v !== 0) expect(v).toBeCloseTo(input[i]! * 100, 3);
    });
    expect(out.data.filter((v) => v === 0).length).toBeGreaterThan(55);
  });

  it('default seed is 0 and fixes the mask', () => {
    const a = dropout({ rate: 0.5, training: true });
    const b = dropout({ rate: 0.5, training: true, seed: 0 });
    expect(a.data).toEqual(b.data);
  });
});
