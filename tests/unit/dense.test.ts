import { describe, expect, it } from 'vitest';
import { chain, denseKernel, evaluate, inputNode, tensorValue } from './helpers.ts';

describe('Dense', () => {
  it('x=[2,2,3] units=2 applies along the last axis: [H,W,C] → [H,W,units]', () => {
    const doc = chain(
      inputNode('in', tensorValue([2, 2, 3], [1, 2, 3, 4, 5, 6, 0, 1, 0, -1, 0, 2])),
      {
        id: 'd',
        type: 'Dense',
        params: {
          units: 2,
          // unit 0 = c0 + c2, unit 1 = c1 + c2
          kernel: denseKernel([
            [1, 0, 1],
            [0, 1, 1],
          ]),
          bias: { shape: [2], data: [1, -1] },
        },
      },
    );
    const out = evaluate(doc).out('d');
    expect(out.shape).toEqual([2, 2, 2]);
    // pixels (1,2,3) (4,5,6) (0,1,0) (−1,0,2) → (4,5) (10,11) (0,1) (1,2), plus bias (1,−1).
    expect(out.data).toEqual([5, 4, 11, 10, 1, 0, 2, 1]);
  });

  it('x=[1,1,4] → Flatten [4] units=3 without bias', () => {
    const doc = chain(
      inputNode('in', tensorValue([1, 1, 4], [1, 2, 3, 4])),
      { id: 'f', type: 'Flatten' },
      {
        id: 'd',
        type: 'Dense',
        params: {
          units: 3,
          useBias: false,
          bias: { shape: [3], data: [9, 9, 9] },
          kernel: denseKernel([
            [1, 1, 1, 1],
            [1, -1, 1, -1],
            [0.5, 0, 0, 0.25],
          ]),
        },
      },
    );
    const out = evaluate(doc).out('d');
    expect(out.shape).toEqual([3]);
    expect(out.data).toEqual([10, -2, 1.5]);
  });

  it('x=[1,1,2] → Flatten → Dense → Dense: units chain', () => {
    const doc = chain(
      inputNode('in', tensorValue([1, 1, 2], [3, -1])),
      { id: 'f', type: 'Flatten' },
      { id: 'd1', type: 'Dense', params: { units: 1, kernel: denseKernel([[2, 1]]) } },
      { id: 'd2', type: 'Dense', params: { units: 2, kernel: denseKernel([[1], [-3]]) } },
    );
    const e = evaluate(doc);
    expect(e.out('d1').data).toEqual([5]);
    expect(e.out('d2').data).toEqual([5, -15]);
  });

  it('x=[1,2,3] units=2 softmax: each pixel sums to 1', () => {
    const doc = chain(inputNode('in', tensorValue([1, 2, 3], [0, 0, 0, 1, 2, 3])), {
      id: 'd',
      type: 'Dense',
      params: {
        units: 2,
        activation: 'softmax',
        kernel: denseKernel([
          [1, 0, 0],
          [0, 0, 1],
        ]),
      },
    });
    const out = evaluate(doc).out('d');
    expect(out.shape).toEqual([1, 2, 2]);
    // pixel 0: logits (0,0) → ½ ½; pixel 1: logits (1,3) → 1/(1+e²), e²/(1+e²).
    const e2 = Math.exp(2);
    const expected = [0.5, 0.5, 1 / (1 + e2), e2 / (1 + e2)];
    expected.forEach((v, i) => expect(out.data[i]).toBeCloseTo(v, 6));
  });
});
