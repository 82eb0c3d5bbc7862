import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/graph/prng.ts';
import { parseNode } from '../../src/graph/parse.ts';
import type { NodeOf } from '../../src/graph/types.ts';
import { convFans, resolveNodeWeights, resolveWeight } from '../../src/graph/weights.ts';
import { chain, evaluate, inputNode, referenceMulberry32, tensorValue } from './helpers.ts';

const glorot = (seed: number) => ({ init: 'glorotUniform' as const, seed });
const he = (seed: number) => ({ init: 'heUniform' as const, seed });

function draws(seed: number, n: number): number[] {
  const next = referenceMulberry32(seed);
  return Array.from({ length: n }, () => next());
}

describe('mulberry32', () => {
  it('matches the published algorithm for several seeds, including 0 and 2^32 − 1', () => {
    for (const seed of [0, 1, 7, 123456789, 4294967295]) {
      const next = mulberry32(seed);
      expect(Array.from({ length: 50 }, () => next())).toEqual(draws(seed, 50));
    }
  });

  it('stays in [0, 1)', () => {
    const next = mulberry32(99);
    let min = 1;
    let max = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = next();
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // And it spreads over the interval.
    expect(min).toBeLessThan(0.001);
    expect(max).toBeGreaterThan(0.999);
  });
});

describe('initializers', () => {
  it('convFans of [3,3,2,4]: fanIn 18, fanOut 36', () => {
    expect(convFans(3, 3, 2, 4)).toEqual({ fanIn: 18, fanOut: 36 });
  });

  it('glorotUniform [3,3,2,4]: (2u − 1)·L with L = sqrt(6 / (18 + 36)) = 1/3', () => {
    const w = resolveWeight(glorot(7), [3, 3, 2, 4], { fanIn: 18, fanOut: 36 });
    expect(w).toHaveLength(72);
    const expected = draws(7, 72).map((u) => Math.fround(((2 * u - 1) * 1) / 3));
    Array.from(w).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 7));
    for (const v of w) expect(Math.abs(v)).toBeLessThanOrEqual(1 / 3);
    // 72 uniform draws fill the range: the largest magnitude is well past half of L.
    expect(Math.max(...Array.from(w, Math.abs))).toBeGreaterThan(0.25);
  });

  it('heUniform [10,5]: within ±sqrt(6 / 10)', () => {
    const limit = Math.sqrt(6 / 10);
    const w = resolveWeight(he(3), [10, 5], { fanIn: 10, fanOut: 5 });
    const expected = draws(3, 50).map((u) => (2 * u - 1) * limit);
    Array.from(w).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
    for (const v of w) expect(Math.abs(v)).toBeLessThanOrEqual(limit);
    expect(Math.max(...Array.from(w, Math.abs))).toBeGreaterThan(limit / 2);
  });

  it('the same seed gives the same values; another seed others', () => {
    const fans = { fanIn: 4, fanOut: 4 };
    const a = resolveWeight(glorot(5), [4, 4], fans);
    expect(resolveWeight(glorot(5), [4, 4], fans)).toEqual(a);
    expect(resolveWeight(glorot(6), [4, 4], fans)).not.toEqual(a);
  });

  it('zeros and ones are constant', () => {
    const fans = { fanIn: 2, fanOut: 3 };
    expect(Array.from(resolveWeight({ init: 'zeros', seed: 9 }, [2, 3], fans))).toEqual([
      0, 0, 0, 0, 0, 0,
    ]);
    expect(Array.from(resolveWeight({ init: 'ones', seed: 9 }, [2, 3], fans))).toEqual([
      1, 1, 1, 1, 1, 1,
    ]);
  });

  it('an explicit tensor is used as given', () => {
    const w = resolveWeight({ shape: [2], data: Float32Array.of(0.25, -3) }, [2], {
      fanIn: 1,
      fanOut: 1,
    });
    expect(Array.from(w)).toEqual([0.25, -3]);
  });
});

function node<T extends 'Conv2D' | 'Dense'>(type: T, params: Record<string, unknown>): NodeOf<T> {
  const parsed = parseNode({ id: 'n', type, params });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value as NodeOf<T>;
}

describe('resolveNodeWeights', () => {
  it('Conv2D k=[2,2] filters=3 inC=2 glorotUniform seed=4: fans 8 and 12, zeros bias', () => {
    const conv = node('Conv2D', { filters: 3, kernelSize: [2, 2], kernel: glorot(4) });
    const w = resolveNodeWeights(conv, 2);
    expect(w.shape).toEqual([2, 2, 2, 3]);
    expect(w.kernel).toEqual(resolveWeight(glorot(4), [2, 2, 2, 3], { fanIn: 8, fanOut: 12 }));
    expect(Array.from(w.bias!)).toEqual([0, 0, 0]);
  });

  it('Conv2D k=[1,2] filters=2 inC=1 explicit: the document arrays themselves, not copies', () => {
    const conv = node('Conv2D', {
      filters: 2,
      kernelSize: [1, 2],
      kernel: { shape: [1, 2, 1, 2], data: [1, 2, 3, 4] },
      bias: { shape: [2], data: [0.5, -1] },
    });
    const w = resolveNodeWeights(conv, 1);
    expect(w.shape).toEqual([1, 2, 1, 2]);
    expect(w.kernel).toBe((conv.params.kernel as { data: Float32Array }).data);
    expect(w.bias).toBe((conv.params.bias as { data: Float32Array }).data);
  });

  it('Dense units=2 inUnits=3 heUniform seed=1: fanIn 3, ones bias drawn at [2]', () => {
    const dense = node('Dense', { units: 2, kernel: he(1), bias: { init: 'ones' } });
    const w = resolveNodeWeights(dense, 3);
    expect(w.shape).toEqual([3, 2]);
    expect(w.kernel).toEqual(resolveWeight(he(1), [3, 2], { fanIn: 3, fanOut: 2 }));
    expect(Array.from(w.bias!)).toEqual([1, 1]);
  });

  it('Dense units=2 inUnits=2 explicit kernel', () => {
    const dense = node('Dense', { units: 2, kernel: { shape: [2, 2], data: [1, 0, 0, 1] } });
    const w = resolveNodeWeights(dense, 2);
    expect(w.shape).toEqual([2, 2]);
    expect(Array.from(w.kernel)).toEqual([1, 0, 0, 1]);
  });

  it('useBias false: the bias is null, whatever it says (Conv2D and Dense)', () => {
    const bias = { shape: [2], data: [5, 6] };
    const conv = node('Conv2D', { filters: 2, kernelSize: [1, 1], useBias: false, bias });
    const dense = node('Dense', { units: 2, useBias: false, bias });
    expect(resolveNodeWeights(conv, 1).bias).toBeNull();
    expect(resolveNodeWeights(dense, 4).bias).toBeNull();
    expect(resolveNodeWeights(dense, 4).kernel).toHaveLength(8);
  });
});

describe('initializers in a graph', () => {
  it('x=[1,1,3] Dense units=2 glorotUniform seed=5: one-hot input reads kernel row 0', () => {
    // fanIn 3, fanOut 2 → L = sqrt(6/5); row 0 of a [3, 2] kernel is draws 0 and 1.
    const doc = chain(inputNode('in', tensorValue([1, 1, 3], [1, 0, 0])), {
      id: 'd',
      type: 'Dense',
      params: { units: 2, useBias: false, kernel: glorot(5) },
    });
    const limit = Math.sqrt(6 / 5);
    const [u0, u1] = draws(5, 2) as [number, number];
    const out = evaluate(doc).out('d');
    expect(out.data[0]).toBeCloseTo((2 * u0 - 1) * limit, 6);
    expect(out.data[1]).toBeCloseTo((2 * u1 - 1) * limit, 6);
  });

  it('x=[1,1,1] Conv2D k=[1,1] filters=4 heUniform seed=3: the kernel itself', () => {
    // fanIn 1·1·1 → L = sqrt(6).
    const doc = chain(inputNode('in', tensorValue([1, 1, 1], [1])), {
      id: 'c',
      type: 'Conv2D',
      params: { filters: 4, kernelSize: [1, 1], useBias: false, kernel: he(3) },
    });
    const expected = draws(3, 4).map((u) => (2 * u - 1) * Math.sqrt(6));
    const out = evaluate(doc).out('c').data;
    out.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
  });

  it('a bias initializer uses the layer fans (documented): ones bias adds 1', () => {
    const doc = chain(inputNode('in', tensorValue([1, 1, 1], [2])), {
      id: 'c',
      type: 'Conv2D',
      params: {
        filters: 2,
        kernelSize: [1, 1],
        kernel: { init: 'ones' },
        bias: { init: 'ones' },
      },
    });
    expect(evaluate(doc).out('c').data).toEqual([3, 3]);
  });

  it('the default kernel is glorotUniform seed 0', () => {
    const doc = (kernel?: unknown) =>
      chain(inputNode('in', tensorValue([1, 1, 3], [1, 2, 3])), {
        id: 'd',
        type: 'Dense',
        params: kernel === undefined ? { units: 2 } : { units: 2, kernel },
      });
    expect(evaluate(doc()).out('d')).toEqual(evaluate(doc(glorot(0))).out('d'));
    expect(evaluate(doc()).out('d')).not.toEqual(evaluate(doc(glorot(1))).out('d'));
  });
});
