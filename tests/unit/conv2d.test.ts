import { describe, expect, it } from 'vitest';
import { chain, channel, convKernel, evaluate, hwc, inputNode, rampGrid } from './helpers.ts';

/** Input → Conv2D `c` with one filter over a single-channel grid. */
function conv1(grid: number[][], k: number[][], params: Record<string, unknown> = {}) {
  const doc = chain(inputNode('in', hwc(grid)), {
    id: 'c',
    type: 'Conv2D',
    params: {
      filters: 1,
      kernelSize: [k.length, k[0]!.length],
      useBias: false,
      kernel: convKernel([[k]]),
      ...params,
    },
  });
  return evaluate(doc).out('c');
}

const ones = (h: number, w: number) =>
  Array.from({ length: h }, () => new Array<number>(w).fill(1));
/** x(y, x) = 10·y + x, so a window's sum shows where the window lies. */
const tens = (h: number, w: number) =>
  Array.from({ length: h }, (_, y) => Array.from({ length: w }, (_, x) => 10 * y + x));

describe('Conv2D', () => {
  it('x=[3,3,1] k=[2,2] s=1 same: the odd padding row/column goes bottom/right', () => {
    // Total padding (3−1)·1 + 2 − 3 = 1 per axis: none on top/left, one on bottom/right, so
    // out(y,x) = 1·x(y,x) + 2·x(y,x+1) + 3·x(y+1,x) + 4·x(y+1,x+1), zeros outside.
    const out = conv1(
      rampGrid(3, 3, 1),
      [
        [1, 2],
        [3, 4],
      ],
      { padding: 'same' },
    );
    expect(out.shape).toEqual([3, 3, 1]);
    expect(channel(out.data, out.shape, 0)).toEqual([
      [37, 47, 21],
      [67, 77, 33],
      [23, 26, 9],
    ]);
  });

  it('x=[4,4,1] k=[3,3] s=2 same: windows start at rows/cols 0 and 2, padding bottom/right', () => {
    // out = ceil(4/2) = 2, total padding (2−1)·2 + 3 − 4 = 1, all of it bottom/right.
    const out = conv1(rampGrid(4, 4, 1), ones(3, 3), { padding: 'same', strides: [2, 2] });
    expect(out.shape).toEqual([2, 2, 1]);
    // 1+2+3+5+6+7+9+10+11 = 54; 3+4+7+8+11+12 = 45; 9+10+11+13+14+15 = 72; 11+12+15+16 = 54.
    expect(out.data).toEqual([54, 45, 72, 54]);
  });

  it('x=[1,5,1] k=[1,2] s=[1,2] same: non-square kernel and strides, pad on the right', () => {
    const out = conv1([[1, 2, 3, 4, 5]], [[1, 10]], { padding: 'same', strides: [1, 2] });
    expect(out.shape).toEqual([1, 3, 1]);
    // 1 + 20, 3 + 40, 5 + 10·(padding 0).
    expect(out.data).toEqual([21, 43, 5]);
  });

  it('x=[3,4,1] k=[2,3] s=1 valid: non-square kernel, not flipped', () => {
    const out = conv1(
      [
        [1, 0, 2, 5],
        [3, 1, 0, 2],
        [4, 4, 1, 0],
      ],
      [
        [1, 0, -1],
        [2, 0, -2],
      ],
    );
    expect(out.shape).toEqual([2, 2, 1]);
    // (0,0): (1 − 2) + (6 − 0) = 5; (0,1): (0 − 5) + (2 − 4) = −7;
    // (1,0): (3 − 0) + (8 − 2) = 9; (1,1): (1 − 2) + (8 − 0) = 7.
    expect(out.data).toEqual([5, -7, 9, 7]);
  });

  it('x=[7,7,1] k=[2,2] s=3 valid', () => {
    // out = floor((7 − 2)/3) + 1 = 2; a 2×2 window at (y0, x0) sums to 20(2y0+1) + 2(2x0+1).
    const out = conv1(tens(7, 7), ones(2, 2), { strides: [3, 3] });
    expect(out.shape).toEqual([2, 2, 1]);
    expect(out.data).toEqual([22, 34, 142, 154]);
  });

  it('x=[7,7,1] k=[2,2] s=3 same: the last window half in the bottom/right padding', () => {
    // out = ceil(7/3) = 3, total padding (3−1)·3 + 2 − 7 = 1: windows start at 0, 3, 6 and
    // the one at 6 sees only row (column) 6.
    const out = conv1(tens(7, 7), ones(2, 2), { strides: [3, 3], padding: 'same' });
    expect(out.shape).toEqual([3, 3, 1]);
    expect(channel(out.data, out.shape, 0)).toEqual([
      [22, 34, 6 + 16],
      [142, 154, 36 + 46],
      [60 + 61, 63 + 64, 66],
    ]);
  });

  it('x=[5,5,1] k=[4,4] s=1 same: uneven padding 1 top/left and 2 bottom/right', () => {
    // An all-ones 4×4 kernel over all-ones input counts the real cells under each window:
    // rows covered by window y are [y−1, y+2] ∩ [0, 4].
    const out = conv1(ones(5, 5), ones(4, 4), { padding: 'same' });
    const cover = [3, 4, 4, 3, 2];
    expect(channel(out.data, out.shape, 0)).toEqual(cover.map((r) => cover.map((c) => r * c)));
  });

  it('x=[2,2,1] k=[3,3] s=1 same: a kernel larger than the input is fine with same', () => {
    const out = conv1(
      [
        [1, 2],
        [3, 4],
      ],
      ones(3, 3),
      { padding: 'same' },
    );
    expect(out.shape).toEqual([2, 2, 1]);
    expect(out.data).toEqual([10, 10, 10, 10]);
  });

  it('x=[2,2,1] k=[1,1] adds the bias', () => {
    const out = conv1(
      [
        [1, 2],
        [3, 4],
      ],
      [[2]],
      { useBias: true, bias: { shape: [1], data: [0.5] } },
    );
    expect(out.data).toEqual([2.5, 4.5, 6.5, 8.5]);
  });

  it('x=[2,2,1] k=[1,1] useBias false ignores a given bias', () => {
    const out = conv1(
      [
        [1, 2],
        [3, 4],
      ],
      [[2]],
      { useBias: false, bias: { shape: [1], data: [100] } },
    );
    expect(out.data).toEqual([2, 4, 6, 8]);
  });

  it('x=[2,2,1] k=[1,1] filters=3: output channels follow the kernel last axis', () => {
    const doc = chain(
      inputNode(
        'in',
        hwc([
          [1, 2],
          [3, 4],
        ]),
      ),
      {
        id: 'c',
        type: 'Conv2D',
        params: {
          filters: 3,
          kernelSize: [1, 1],
          kernel: convKernel([[[[1]]], [[[-1]]], [[[10]]]]),
          bias: { shape: [3], data: [0, 1, 2] },
        },
      },
    );
    const out = evaluate(doc).out('c');
    expect(out.shape).toEqual([2, 2, 3]);
    expect(out.data).toEqual([1, 0, 12, 2, -1, 22, 3, -2, 32, 4, -3, 42]);
  });

  it('x=[2,2,1] k=[1,1] relu zeroes the negatives after the bias', () => {
    const out = conv1(
      [
        [1, -2],
        [3, -4],
      ],
      [[1]],
      { activation: 'relu', useBias: true, bias: { shape: [1], data: [1] } },
    );
    expect(out.data).toEqual([2, 0, 4, 0]);
  });

  it('x=[1,1,1] default bias is zeros', () => {
    const out = conv1([[3]], [[2]], { useBias: true });
    expect(out.data).toEqual([6]);
  });
});
