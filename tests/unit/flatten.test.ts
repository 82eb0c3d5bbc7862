import { describe, expect, it } from 'vitest';
import { chain, evaluate, inputNode, tensorValue } from './helpers.ts';

describe('Flatten', () => {
  it('x=[2,2,2] keeps channels-last row-major order', () => {
    const data = [1, -1, 2, -2, 3, -3, 4, -4];
    const doc = chain(inputNode('in', tensorValue([2, 2, 2], data)), { id: 'f', type: 'Flatten' });
    const out = evaluate(doc).out('f');
    expect(out.shape).toEqual([8]);
    expect(out.data).toEqual(data);
  });

  it('x=[6] (rank 1) is the identity', () => {
    const data = [5, 4, 3, 2, 1, 0];
    const doc = chain(
      inputNode('in', tensorValue([1, 2, 3], data)),
      { id: 'f1', type: 'Flatten' },
      { id: 'f2', type: 'Flatten' },
    );
    const e = evaluate(doc);
    expect(e.out('f2')).toEqual({ shape: [6], data });
  });

  it('x=[6] Dropout keeps rank 1', () => {
    const doc = chain(
      inputNode('in', tensorValue([1, 2, 3], [1, 2, 3, 4, 5, 6])),
      { id: 'f', type: 'Flatten' },
      { id: 'd', type: 'Dropout', params: { rate: 0.5 } },
    );
    expect(evaluate(doc).out('d').shape).toEqual([6]);
  });
});
