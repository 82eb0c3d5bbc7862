import { describe, expect, it } from 'vitest';
import {
  chain,
  channel,
  convKernel,
  denseKernel,
  evaluate,
  graph,
  hwc,
  inputNode,
  referenceMulberry32,
} from './helpers.ts';

// Every number here is copied from ../shared/slides.md or worked out by hand beside it.

const slideImage = [
  [0, 0, 1, 0, 0],
  [0, 1, 0, 1, 0],
  [1, 0, 0, 0, 1],
  [0, 1, 0, 1, 0],
  [0, 0, 1, 0, 0],
];
const slideFilter = [
  [0, 0, 1],
  [0, 1, 0],
  [1, 0, 0],
];

function slideConv(padding: 'valid' | 'same') {
  return chain(inputNode('in', hwc(slideImage)), {
    id: 'conv',
    type: 'Conv2D',
    params: {
      filters: 1,
      kernelSize: [3, 3],
      padding,
      useBias: false,
      kernel: convKernel([[slideFilter]]),
    },
  });
}

describe('slide 1: 畳み込み演算, padding valid', () => {
  it('x=[5,5,1] k=[3,3] s=1 valid gives the 3×3 output on the slide', () => {
    const out = evaluate(slideConv('valid')).out('conv');
    expect(out.shape).toEqual([3, 3, 1]);
    expect(channel(out.data, out.shape, 0)).toEqual([
      [3, 0, 1],
      [0, 2, 0],
      [1, 0, 3],
    ]);
  });
});

describe("slide 2: padding='same'", () => {
  it('x=[5,5,1] k=[3,3] s=1 same keeps 5×5 and matches the slide', () => {
    const out = evaluate(slideConv('same')).out('conv');
    expect(out.shape).toEqual([5, 5, 1]);
    expect(channel(out.data, out.shape, 0)).toEqual([
      [0, 0, 2, 0, 1],
      [0, 3, 0, 1, 0],
      [2, 0, 2, 0, 2],
      [0, 1, 0, 3, 0],
      [1, 0, 2, 0, 0],
    ]);
  });
});

describe('slide 3: RGB input, one filter', () => {
  const red = [
    [1, 0, 2],
    [0, 1, 0],
    [3, 0, 1],
  ];
  const green = [
    [0, 2, 0],
    [1, 0, 1],
    [0, 1, 0],
  ];
  const blue = [
    [1, 1, 1],
    [0, 0, 0],
    [2, 2, 2],
  ];
  const kRed = [
    [1, 2],
    [0, 1],
  ];
  const kGreen = [
    [1, 0],
    [0, -1],
  ];
  const kBlue = [
    [2, 0],
    [1, 0],
  ];
  const conv = (id: string, slices: number[][][]) => ({
    id,
    type: 'Conv2D',
    params: { filters: 1, kernelSize: [2, 2], useBias: false, kernel: convKernel([slices]) },
  });

  it('x=[3,3,3] k=[2,2,3,1] valid sums the three per-channel sums (hand-computed)', () => {
    // (0,0): R 1+1=2, G 0, B 2 → 4.   (0,1): R 4, G 2-1=1, B 2 → 7.
    // (1,0): R 2, G 1-1=0, B 2 → 4.   (1,1): R 2, G 0, B 2 → 4.
    const doc = chain(inputNode('rgb', hwc(red, green, blue)), conv('c', [kRed, kGreen, kBlue]));
    const out = evaluate(doc).out('c');
    expect(out.shape).toEqual([2, 2, 1]);
    expect(out.data).toEqual([4, 7, 4, 4]);
  });

  it('equals the sum of the three single-channel convolutions', () => {
    const doc = graph(
      [
        inputNode('r', hwc(red)),
        inputNode('g', hwc(green)),
        inputNode('b', hwc(blue)),
        inputNode('rgb', hwc(red, green, blue)),
        conv('cr', [kRed]),
        conv('cg', [kGreen]),
        conv('cb', [kBlue]),
        conv('c', [kRed, kGreen, kBlue]),
      ],
      [
        ['r', 'cr'],
        ['g', 'cg'],
        ['b', 'cb'],
        ['rgb', 'c'],
      ],
    );
    const e = evaluate(doc);
    // R: 2 4 2 2, G: 0 1 0 0, B: 2 2 2 2, by hand.
    expect(e.out('cr').data).toEqual([2, 4, 2, 2]);
    expect(e.out('cg').data).toEqual([0, 1, 0, 0]);
    expect(e.out('cb').data).toEqual([2, 2, 2, 2]);
    const sum = e.out('cr').data.map((v, i) => v + e.out('cg').data[i]! + e.out('cb').data[i]!);
    expect(e.out('c').data).toEqual(sum);
  });

  it('4 feature filters give an output with 4 CH', () => {
    const doc = chain(inputNode('rgb', hwc(red, green, blue)), {
      id: 'c',
      type: 'Conv2D',
      params: { filters: 4, kernelSize: [3, 3], kernel: { init: 'glorotUniform', seed: 1 } },
    });
    expect(evaluate(doc).out('c').shape).toEqual([1, 1, 4]);
  });
});

describe('slide 3b: input with 4 CH, 2 feature filters 3×3', () => {
  const ch0 = [
    [1, 2, 3, 4],
    [5, 6, 7, 8],
    [9, 10, 11, 12],
  ];
  const ch1 = [
    [0, 1, 0, 1],
    [1, 0, 1, 0],
    [0, 1, 0, 1],
  ];
  const ch2 = [
    [2, 2, 2, 2],
    [3, 3, 3, 3],
    [4, 4, 4, 4],
  ];
  const ch3 = [
    [1, 0, 0, 1],
    [0, 1, 1, 0],
    [1, 0, 0, 1],
  ];
  const zero = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const centre = (v: number) => [
    [0, 0, 0],
    [0, v, 0],
    [0, 0, 0],
  ];
  const ones = [
    [1, 1, 1],
    [1, 1, 1],
    [1, 1, 1],
  ];
  const minusTopLeft = [
    [-1, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  // Filter 0: Σ_c (c+1)·x[centre, c].  Filter 1: Σ(window of ch3) − x[top-left, ch0].
  const kernel = convKernel([
    [centre(1), centre(2), centre(3), centre(4)],
    [minusTopLeft, zero, zero, ones],
  ]);

  it('x=[3,4,4] k=[3,3,4,2] valid gives 2 channels (hand-computed)', () => {
    expect(kernel.shape).toEqual([3, 3, 4, 2]);
    const doc = chain(inputNode('in', hwc(ch0, ch1, ch2, ch3)), {
      id: 'c',
      type: 'Conv2D',
      params: { filters: 2, kernelSize: [3, 3], useBias: false, kernel },
    });
    const out = evaluate(doc).out('c');
    expect(out.shape).toEqual([1, 2, 2]);
    // (0,0): f0 = 6 + 2·0 + 3·3 + 4·1 = 19; f1 = 4 − 1 = 3.
    // (0,1): f0 = 7 + 2·1 + 3·3 + 4·1 = 22; f1 = 4 − 2 = 2.
    expect(out.data).toEqual([19, 3, 22, 2]);
  });

  it('x=[3,4,4] k=[3,3,4,2] with bias [0.5,-1] adds the bias per filter', () => {
    const doc = chain(inputNode('in', hwc(ch0, ch1, ch2, ch3)), {
      id: 'c',
      type: 'Conv2D',
      params: { filters: 2, kernelSize: [3, 3], kernel, bias: { shape: [2], data: [0.5, -1] } },
    });
    expect(evaluate(doc).out('c').data).toEqual([19.5, 2, 22.5, 1]);
  });
});

describe('slide 4: プーリング演算, pool_size=(2, 2)', () => {
  it('x=[4,4,1] pool=[2,2] s=2 valid gives 3 5 / 5 4', () => {
    const doc = chain(
      inputNode(
        'in',
        hwc([
          [3, 1, 0, 5],
          [0, 2, 4, 2],
          [2, 0, 3, 1],
          [4, 5, 4, 2],
        ]),
      ),
      { id: 'pool', type: 'MaxPool', params: { poolSize: [2, 2] } },
    );
    const out = evaluate(doc).out('pool');
    expect(out.shape).toEqual([2, 2, 1]);
    expect(out.data).toEqual([3, 5, 5, 4]);
  });
});

const flattenSlide = [
  [2, 1, 4],
  [5, 3, 2],
  [0, 2, 3],
];

describe('slide 5: 1次元化, Flatten', () => {
  it('x=[3,3,1] flattens row by row to 2 1 4 5 3 2 0 2 3', () => {
    const doc = chain(inputNode('in', hwc(flattenSlide)), { id: 'flat', type: 'Flatten' });
    const out = evaluate(doc).out('flat');
    expect(out.shape).toEqual([9]);
    expect(out.data).toEqual([2, 1, 4, 5, 3, 2, 0, 2, 3]);
  });
});

describe('slide 6: 全結合, Dense', () => {
  it('x=[9] units=3 gives the weighted sums (hand-computed)', () => {
    const doc = chain(
      inputNode('in', hwc(flattenSlide)),
      { id: 'flat', type: 'Flatten' },
      {
        id: 'dense',
        type: 'Dense',
        params: {
          units: 3,
          useBias: false,
          kernel: denseKernel([
            [1, 1, 1, 1, 1, 1, 1, 1, 1],
            [1, -1, 0, 0, 0, 0, 0, 0, 1],
            [0, 1, 2, 3, 4, 5, 6, 7, 8],
          ]),
        },
      },
    );
    const out = evaluate(doc).out('dense');
    expect(out.shape).toEqual([3]);
    // Σ = 22;  2 − 1 + 3 = 4;  1 + 8 + 15 + 12 + 10 + 0 + 14 + 24 = 84.
    expect(out.data).toEqual([22, 4, 84]);
  });

  it('x=[9] units=2 with bias [0.5,-4] and relu', () => {
    const doc = chain(
      inputNode('in', hwc(flattenSlide)),
      { id: 'flat', type: 'Flatten' },
      {
        id: 'dense',
        type: 'Dense',
        params: {
          units: 2,
          activation: 'relu',
          kernel: denseKernel([
            [1, 1, 1, 1, 1, 1, 1, 1, 1],
            [0, 0, 0, 0, 0, 0, 0, 0, -1],
          ]),
          bias: { shape: [2], data: [0.5, -4] },
        },
      },
    );
    // 22 + 0.5;  relu(−3 − 4) = 0.
    expect(evaluate(doc).out('dense').data).toEqual([22.5, 0]);
  });
});

describe('slide 7: ドロップアウト, rate=0.5', () => {
  const size = 20;
  const values = Array.from({ length: size }, (_, y) =>
    Array.from({ length: size }, (_, x) => y * size + x + 1),
  );
  const dropoutGraph = (params: Record<string, unknown>) =>
    chain(inputNode('in', hwc(values)), { id: 'drop', type: 'Dropout', params });

  it('x=[20,20,1] rate=0.5 training: every element is 0 or 2x, roughly half dropped', () => {
    const out = evaluate(dropoutGraph({ rate: 0.5, training: true, seed: 42 })).out('drop');
    expect(out.shape).toEqual([size, size, 1]);
    const input = values.flat();
    let dropped = 0;
    out.data.forEach((v, i) => {
      if (v === 0) dropped++;
      else expect(v).toBe(2 * input[i]!);
    });
    expect(dropped).toBeGreaterThan(0.4 * input.length);
    expect(dropped).toBeLessThan(0.6 * input.length);
  });

  it('the same seed gives the same mask; another seed another mask', () => {
    const a = evaluate(dropoutGraph({ rate: 0.5, training: true, seed: 3 })).out('drop').data;
    const b = evaluate(dropoutGraph({ rate: 0.5, training: true, seed: 3 })).out('drop').data;
    const c = evaluate(dropoutGraph({ rate: 0.5, training: true, seed: 4 })).out('drop').data;
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('the mask is the documented one: kept where the i-th mulberry32(seed) draw ≥ rate', () => {
    const next = referenceMulberry32(9);
    const out = evaluate(dropoutGraph({ rate: 0.5, training: true, seed: 9 })).out('drop');
    const expected = values.flat().map((v) => (next() >= 0.5 ? 2 * v : 0));
    expect(out.data).toEqual(expected);
  });

  it('training false (inference) is the identity', () => {
    const out = evaluate(dropoutGraph({ rate: 0.5, seed: 42 })).out('drop');
    expect(out.data).toEqual(values.flat());
  });
});
