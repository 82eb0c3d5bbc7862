import { describe, expect, it } from 'vitest';
import { chain, evaluate, graph, hwc, inputNode, rampGrid, tensorValue } from './helpers.ts';

const in4 = inputNode('in', hwc(rampGrid(4, 4)));

describe('node errors', () => {
  it('x=[4,4,1] Conv2D k=[5,5] valid: kernel larger than its input', () => {
    const e = evaluate(
      chain(in4, { id: 'c', type: 'Conv2D', params: { filters: 1, kernelSize: [5, 5] } }),
    );
    expect(e.error('c')).toBe(
      "Conv2D kernel 5×5 is larger than its 4×4 input with padding 'valid' (use 'same', or a smaller kernel)",
    );
    expect(e.report.outputs.has('c')).toBe(false);
    expect(e.out('in').shape).toEqual([4, 4, 1]);
  });

  it('x=[4,4,1] Conv2D k=[1,5] valid: only the width is too large', () => {
    const e = evaluate(
      chain(in4, { id: 'c', type: 'Conv2D', params: { filters: 1, kernelSize: [1, 5] } }),
    );
    expect(e.error('c')).toMatch(/^Conv2D kernel 1×5 is larger than its 4×4 input/);
  });

  it('x=[4,4,1] MaxPool pool=[5,5] valid: pool larger than its input', () => {
    const e = evaluate(chain(in4, { id: 'p', type: 'MaxPool', params: { poolSize: [5, 5] } }));
    expect(e.error('p')).toBe(
      "MaxPool pool 5×5 is larger than its 4×4 input with padding 'valid' (use 'same', or a smaller pool)",
    );
  });

  it('x=[4,4,1] MaxPool pool=[5,5] same is fine', () => {
    const e = evaluate(
      chain(in4, { id: 'p', type: 'MaxPool', params: { poolSize: [5, 5], padding: 'same' } }),
    );
    // ceil(4/5) = 1: one window over everything.
    expect(e.out('p')).toEqual({ shape: [1, 1, 1], data: [15] });
  });

  it('x=[4,4,1] Conv2D kernel [1,1,2,1]: channel mismatch', () => {
    const e = evaluate(
      chain(in4, {
        id: 'c',
        type: 'Conv2D',
        params: { filters: 1, kernelSize: [1, 1], kernel: tensorValue([1, 1, 2, 1], [1, 1]) },
      }),
    );
    expect(e.error('c')).toBe('kernel expects 2 input channels but its input has 1 (4×4×1)');
  });

  it('x=[4,4,1] → Flatten [16] → Dense kernel [15,2]: inUnits mismatch', () => {
    const e = evaluate(
      chain(
        in4,
        { id: 'f', type: 'Flatten' },
        {
          id: 'd',
          type: 'Dense',
          params: { units: 2, kernel: tensorValue([15, 2], new Array<number>(30).fill(1)) },
        },
      ),
    );
    expect(e.error('d')).toBe('kernel expects 15 input units but its input has 16 (16)');
  });

  it('x=[4,4,1] → Dense kernel [3,1] on rank 3: inUnits is the channel count', () => {
    const e = evaluate(
      chain(in4, {
        id: 'd',
        type: 'Dense',
        params: { units: 1, kernel: tensorValue([3, 1], [1, 1, 1]) },
      }),
    );
    expect(e.error('d')).toBe('kernel expects 3 input units but its input has 1 (4×4×1)');
  });

  it('x=[16] (rank 1) → Conv2D', () => {
    const e = evaluate(
      chain(
        in4,
        { id: 'f', type: 'Flatten' },
        { id: 'c', type: 'Conv2D', params: { filters: 1, kernelSize: [1, 1] } },
      ),
    );
    expect(e.error('c')).toBe('Conv2D needs a rank-3 input (H×W×C), got a rank-1 tensor of 16');
  });

  it('x=[16] (rank 1) → MaxPool', () => {
    const e = evaluate(chain(in4, { id: 'f', type: 'Flatten' }, { id: 'p', type: 'MaxPool' }));
    expect(e.error('p')).toBe('MaxPool needs a rank-3 input (H×W×C), got a rank-1 tensor of 16');
  });

  it.each([
    ['Conv2D', { filters: 1, kernelSize: [1, 1] }],
    ['MaxPool', {}],
    ['Flatten', undefined],
    ['Dense', { units: 1 }],
    ['Dropout', { rate: 0.5 }],
  ])('a %s with no input', (type, params) => {
    const e = evaluate(graph([in4, { id: 'x', type, ...(params ? { params } : {}) }]));
    expect(e.error('x')).toBe('no input: connect an edge into this node');
    expect(e.error('in')).toBeUndefined();
  });

  it('x=[17,16,1] → Dense units=65536: output over the element limit, nothing allocated', () => {
    const e = evaluate(
      chain(inputNode('in', hwc(rampGrid(17, 16))), {
        id: 'd',
        type: 'Dense',
        params: { units: 65536 },
      }),
    );
    // 17·16·65536 = 17,825,792 > 16,777,216.
    expect(e.error('d')).toBe(
      'output 17×16×65536 is 17825792 elements, over the limit of 16777216',
    );
  });

  it('x=[1,1,1] → Flatten → Dense 65536 → Dense 65536: kernel over the element limit', () => {
    const e = evaluate(
      chain(
        inputNode('in', tensorValue([1, 1, 1], [1])),
        { id: 'f', type: 'Flatten' },
        { id: 'd1', type: 'Dense', params: { units: 65536, kernel: { init: 'zeros' } } },
        { id: 'd2', type: 'Dense', params: { units: 65536 } },
      ),
    );
    expect(e.out('d1').shape).toEqual([65536]);
    expect(e.error('d2')).toMatch(/^kernel 65536×65536 is over the limit of 16777216 elements/);
  });

  it('x=[256,256,4] Conv2D k=[64,64] f=256 same: over the work limit, nothing computed', () => {
    // 256·256 outputs × 64·64·4·256 multiply-adds = 2.75e11 > 2^33; the output itself,
    // 256·256·256 = 16,777,216 elements, is exactly at the element limit.
    const e = evaluate(
      chain(inputNode('in', tensorValue([256, 256, 4], new Array<number>(262144).fill(0))), {
        id: 'c',
        type: 'Conv2D',
        params: { filters: 256, kernelSize: [64, 64], padding: 'same' },
      }),
    );
    expect(e.error('c')).toBe('needs 2.75e+11 multiply-adds, over the limit of 8.59e+9 per node');
  });

  it('an error marks the descendants; every other branch still evaluates', () => {
    //        ┌→ bad (k 5×5 valid) → f → d
    //  in ───┤
    //        └→ ok (k 1×1) → p
    const doc = graph(
      [
        in4,
        { id: 'bad', type: 'Conv2D', params: { filters: 1, kernelSize: [5, 5] } },
        { id: 'f', type: 'Flatten' },
        { id: 'd', type: 'Dense', params: { units: 2 } },
        {
          id: 'ok',
          type: 'Conv2D',
          params: {
            filters: 1,
            kernelSize: [1, 1],
            useBias: false,
            kernel: tensorValue([1, 1, 1, 1], [2]),
          },
        },
        { id: 'p', type: 'MaxPool' },
      ],
      [
        ['in', 'bad'],
        ['bad', 'f'],
        ['f', 'd'],
        ['in', 'ok'],
        ['ok', 'p'],
      ],
    );
    const e = evaluate(doc);
    expect(e.error('bad')).toMatch(/larger than its 4×4 input/);
    expect(e.error('f')).toBe('input "bad" has an error');
    expect(e.error('d')).toBe('input "f" has an error');
    expect([...e.report.errors.keys()].sort()).toEqual(['bad', 'd', 'f']);
    expect(e.out('ok').data).toEqual(
      rampGrid(4, 4)
        .flat()
        .map((v) => 2 * v),
    );
    // 2 × the block maxima 5 7 13 15.
    expect(e.out('p').data).toEqual([10, 14, 26, 30]);
    for (const id of ['bad', 'f', 'd']) expect(e.report.outputs.has(id)).toBe(false);
  });

  it('a disconnected second graph evaluates beside an erroring one', () => {
    const doc = graph(
      [
        in4,
        { id: 'lonely', type: 'Flatten' },
        inputNode('in2', tensorValue([1, 1, 2], [3, 4])),
        { id: 'f2', type: 'Flatten' },
      ],
      [['in2', 'f2']],
    );
    const e = evaluate(doc);
    expect(e.error('lonely')).toMatch(/^no input/);
    expect(e.out('f2')).toEqual({ shape: [2], data: [3, 4] });
  });
});
