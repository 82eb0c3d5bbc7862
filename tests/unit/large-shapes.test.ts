import { describe, expect, it } from 'vitest';
import { chain, evaluate, inputNode, rampGrid, tensorValue } from './helpers.ts';

// Shapes large enough that any size-dependent kernel path (blocking, SIMD) is taken, with
// expectations that follow from a formula rather than from the engine.

const filled = (shape: number[], v: number) =>
  tensorValue(shape, new Array<number>(shape.reduce((a, b) => a * b, 1)).fill(v));

/** Real (unpadded) cells under window `i` along one axis of length n. */
function covered(i: number, n: number, k: number, s: number, padBefore: number): number {
  const start = i * s - padBefore;
  return Math.min(start + k, n) - Math.max(start, 0);
}

describe('larger shapes', () => {
  it('x=[32,32,4] k=[3,3] f=2 valid, all ones: every output is 3·3·4 = 36 (+ bias)', () => {
    const doc = chain(inputNode('in', filled([32, 32, 4], 1)), {
      id: 'c',
      type: 'Conv2D',
      params: {
        filters: 2,
        kernelSize: [3, 3],
        kernel: { init: 'ones' },
        bias: tensorValue([2], [0, -36]),
      },
    });
    const out = evaluate(doc).out('c');
    expect(out.shape).toEqual([30, 30, 2]);
    out.data.forEach((v, i) => expect(v).toBe(i % 2 === 0 ? 36 : 0));
  });

  it('x=[33,31,3] k=[4,2] s=[2,3] same, all ones: each output counts the real cells under it', () => {
    // H: out 17, total padding (17−1)·2 + 4 − 33 = 3 → top 1. W: out 11, (11−1)·3 + 2 − 31 = 1 → left 0.
    const doc = chain(inputNode('in', filled([33, 31, 3], 1)), {
      id: 'c',
      type: 'Conv2D',
      params: {
        filters: 3,
        kernelSize: [4, 2],
        strides: [2, 3],
        padding: 'same',
        useBias: false,
        kernel: { init: 'ones' },
      },
    });
    const out = evaluate(doc).out('c');
    expect(out.shape).toEqual([17, 11, 3]);
    for (let y = 0; y < 17; y++)
      for (let x = 0; x < 11; x++) {
        const expected = covered(y, 33, 4, 2, 1) * covered(x, 31, 2, 3, 0) * 3;
        for (let f = 0; f < 3; f++) expect(out.data[(y * 11 + x) * 3 + f]).toBe(expected);
      }
  });

  it('x=[64,64,1] pool=[2,2] s=2 valid: each block max is its bottom-right cell', () => {
    const doc = chain(inputNode('in', tensorValue([64, 64, 1], rampGrid(64, 64).flat())), {
      id: 'p',
      type: 'MaxPool',
    });
    const out = evaluate(doc).out('p');
    expect(out.shape).toEqual([32, 32, 1]);
    out.data.forEach((v, i) => {
      const y = Math.floor(i / 32);
      const x = i % 32;
      expect(v).toBe((2 * y + 1) * 64 + 2 * x + 1);
    });
  });

  it('x=[63,63,2] pool=[3,3] s=2 same, all negative: padding never wins', () => {
    const doc = chain(inputNode('in', filled([63, 63, 2], -5)), {
      id: 'p',
      type: 'MaxPool',
      params: { poolSize: [3, 3], strides: [2, 2], padding: 'same' },
    });
    const out = evaluate(doc).out('p');
    expect(out.shape).toEqual([32, 32, 2]);
    for (const v of out.data) expect(v).toBe(-5);
  });

  it('x=[4,4,64] Dense units=64 ones, bias 1, relu: 64 + 1 everywhere', () => {
    const doc = chain(inputNode('in', filled([4, 4, 64], 1)), {
      id: 'd',
      type: 'Dense',
      params: { units: 64, activation: 'relu', kernel: { init: 'ones' }, bias: { init: 'ones' } },
    });
    const out = evaluate(doc).out('d');
    expect(out.shape).toEqual([4, 4, 64]);
    for (const v of out.data) expect(v).toBe(65);
  });

  it('x=[2048] Dense units=8 with kernel column u = u: output u is u·Σx', () => {
    const x = Array.from({ length: 2048 }, (_, i) => (i % 7) - 3);
    const sum = x.reduce((a, b) => a + b, 0);
    const kernel: number[] = [];
    for (let i = 0; i < 2048; i++) for (let u = 0; u < 8; u++) kernel.push(u);
    const doc = chain(
      inputNode('in', tensorValue([1, 1, 2048], x)),
      { id: 'f', type: 'Flatten' },
      {
        id: 'd',
        type: 'Dense',
        params: { units: 8, useBias: false, kernel: tensorValue([2048, 8], kernel) },
      },
    );
    // `+ 0` turns −0 into 0: the sign of a zero is not what is tested here.
    const out = evaluate(doc)
      .out('d')
      .data.map((v) => v + 0);
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((u) => u * sum + 0));
  });

  it('x=[16,16,8] Conv2D k=[1,1] f=8 softmax over channels sums to 1 per pixel', () => {
    const doc = chain(
      inputNode(
        'in',
        tensorValue(
          [16, 16, 8],
          Array.from({ length: 2048 }, (_, i) => (i % 11) / 4),
        ),
      ),
      {
        id: 'c',
        type: 'Conv2D',
        params: {
          filters: 8,
          kernelSize: [1, 1],
          activation: 'softmax',
          kernel: { init: 'glorotUniform', seed: 4 },
        },
      },
    );
    const out = evaluate(doc).out('c');
    for (let p = 0; p < 256; p++) {
      const sum = out.data.slice(p * 8, p * 8 + 8).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(1, 5);
    }
  });
});
