import { describe, expect, it } from 'vitest';
import { activate } from '../../src/engine/kernels/activations.ts';
import { chain, convKernel, evaluate, expectClose, inputNode, tensorValue } from './helpers.ts';

/** Input [1, n, 1] → Dense units=1 kernel [[1]]: the activation applied to each value. */
function activated(values: number[], activation: string) {
  const doc = chain(inputNode('in', tensorValue([1, values.length, 1], values)), {
    id: 'd',
    type: 'Dense',
    params: { units: 1, activation, kernel: { shape: [1, 1], data: [1] } },
  });
  return evaluate(doc).out('d').data;
}

describe('activations', () => {
  it('x=[1,5,1] relu', () => {
    expect(activated([-2, -0.5, 0, 0.5, 3], 'relu')).toEqual([0, 0, 0, 0.5, 3]);
  });

  it('x=[1,5,1] linear is the identity', () => {
    expect(activated([-2, -0.5, 0, 0.5, 3], 'linear')).toEqual([-2, -0.5, 0, 0.5, 3]);
  });

  it('x=[1,4,1] sigmoid: 1/(1+e^−x)', () => {
    // σ(0) = ½, σ(ln 3) = ¾, σ(−ln 3) = ¼, σ(50) ≈ 1.
    expectClose(activated([0, Math.log(3), -Math.log(3), 50], 'sigmoid'), [0.5, 0.75, 0.25, 1]);
  });

  it('x=[1,4,1] tanh', () => {
    // tanh(ln 2) = (2 − ½)/(2 + ½) = 0.6.
    expectClose(activated([0, Math.log(2), -Math.log(2), 30], 'tanh'), [0, 0.6, -0.6, 1]);
  });

  it('x=[2,2,1] conv k=[1,1] filters=3 softmax: along the last axis, each pixel sums to 1', () => {
    // logits (v, 2v, 3v): v = 0 → ⅓ each; v = ln 2 → (2, 4, 8)/14.
    const ln2 = Math.log(2);
    const doc = chain(inputNode('in', tensorValue([2, 2, 1], [0, ln2, 0, ln2])), {
      id: 'c',
      type: 'Conv2D',
      params: {
        filters: 3,
        kernelSize: [1, 1],
        activation: 'softmax',
        kernel: convKernel([[[[1]]], [[[2]]], [[[3]]]]),
      },
    });
    const out = evaluate(doc).out('c');
    expect(out.shape).toEqual([2, 2, 3]);
    const third = 1 / 3;
    expectClose(out.data, [
      third,
      third,
      third,
      1 / 7,
      2 / 7,
      4 / 7,
      third,
      third,
      third,
      1 / 7,
      2 / 7,
      4 / 7,
    ]);
    for (let p = 0; p < 4; p++) {
      const sum = out.data.slice(p * 3, p * 3 + 3).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(1, 6);
    }
  });

  it('softmax of huge logits neither overflows nor gives NaN', () => {
    const out = activate(Float32Array.from([1000, 1000, -1000, 1e30]), 'softmax', 2);
    expectClose(Array.from(out), [0.5, 0.5, 0, 1]);
  });

  it('softmax over one unit is 1 everywhere', () => {
    expect(Array.from(activate(Float32Array.from([-5, 0, 7]), 'softmax', 1))).toEqual([1, 1, 1]);
  });
});
