import { describe, expect, it } from 'vitest';
import { chain, channel, evaluate, hwc, inputNode, rampGrid } from './helpers.ts';

function pool(value: ReturnType<typeof hwc>, params: Record<string, unknown> = {}) {
  return evaluate(chain(inputNode('in', value), { id: 'p', type: 'MaxPool', params })).out('p');
}

describe('MaxPool', () => {
  it('x=[4,4,1] pool=[2,2] s=2 valid (strides default to the pool size)', () => {
    const out = pool(hwc(rampGrid(4, 4)));
    expect(out.shape).toEqual([2, 2, 1]);
    expect(out.data).toEqual([5, 7, 13, 15]);
  });

  it('x=[5,5,1] pool=[2,2] s=2 valid drops the last row and column', () => {
    const out = pool(hwc(rampGrid(5, 5)), { poolSize: [2, 2] });
    expect(out.shape).toEqual([2, 2, 1]);
    expect(out.data).toEqual([6, 8, 16, 18]);
  });

  it('x=[5,5,1] pool=[2,2] s=2 same pads bottom/right', () => {
    const out = pool(hwc(rampGrid(5, 5)), { padding: 'same' });
    expect(out.shape).toEqual([3, 3, 1]);
    expect(channel(out.data, out.shape, 0)).toEqual([
      [6, 8, 9],
      [16, 18, 19],
      [21, 23, 24],
    ]);
  });

  it('x=[5,5,1] pool=[2,2] s=2 same ignores the padding: all-negative input stays negative', () => {
    // Values −1 … −25; each window's largest is its top-left real cell.
    const out = pool(hwc(rampGrid(5, 5).map((row) => row.map((v) => -v - 1))), {
      padding: 'same',
    });
    expect(channel(out.data, out.shape, 0)).toEqual([
      [-1, -3, -5],
      [-11, -13, -15],
      [-21, -23, -25],
    ]);
  });

  it('x=[3,3,2] pool=[3,3] s=1 same keeps channels apart', () => {
    const pos = rampGrid(3, 3, 1);
    const neg = pos.map((row) => row.map((v) => -v));
    const out = pool(hwc(pos, neg), { poolSize: [3, 3], strides: [1, 1], padding: 'same' });
    expect(out.shape).toEqual([3, 3, 2]);
    expect(channel(out.data, out.shape, 0)).toEqual([
      [5, 6, 6],
      [8, 9, 9],
      [8, 9, 9],
    ]);
    expect(channel(out.data, out.shape, 1)).toEqual([
      [-1, -1, -2],
      [-1, -1, -2],
      [-4, -4, -5],
    ]);
  });

  it('x=[2,6,1] pool=[2,3] s=[1,3] valid: non-square pool', () => {
    const out = pool(
      hwc([
        [1, 7, 2, 0, 3, 4],
        [5, 0, 0, 9, 1, 2],
      ]),
      { poolSize: [2, 3], strides: [1, 3] },
    );
    expect(out.shape).toEqual([1, 2, 1]);
    expect(out.data).toEqual([7, 9]);
  });

  it('x=[3,3,1] pool=[2,2] s=1 valid: overlapping windows', () => {
    const out = pool(hwc(rampGrid(3, 3, 1)), { strides: [1, 1] });
    expect(out.data).toEqual([5, 6, 8, 9]);
  });

  it('x=[6,6,1] pool=[3,3] s=3 valid (strides default to a changed pool size)', () => {
    const out = pool(hwc(rampGrid(6, 6)), { poolSize: [3, 3] });
    expect(out.shape).toEqual([2, 2, 1]);
    expect(out.data).toEqual([14, 17, 32, 35]);
  });

  it('x=[7,7,1] pool=[2,2] s=3 same: a window with a single real cell', () => {
    // out = ceil(7/3) = 3; total padding (3−1)·3 + 2 − 7 = 1, bottom/right.
    const out = pool(hwc(rampGrid(7, 7)), { strides: [3, 3], padding: 'same' });
    expect(channel(out.data, out.shape, 0)).toEqual([
      [8, 11, 13],
      [29, 32, 34],
      [43, 46, 48],
    ]);
  });
});
