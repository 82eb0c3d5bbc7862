import { describe, expect, it } from 'vitest';
import { plain } from './helpers.ts';
import { applyEdits } from '../../src/graph/edits.ts';
import type { NodeOf } from '../../src/graph/types.ts';
import { inputShapePatch, paramsPatch, resizeTensor } from '../../src/graph/param-patch.ts';
import denseSlide from '../../presets/07-dense.json';
import { convValidDoc, doc as parse } from './state/fixtures.ts';

describe('resizeTensor', () => {
  it('[2,2] → [2,3]: keeps what fits, zero-fills the new column', () => {
    expect(plain(resizeTensor([1, 2, 3, 4], [2, 2], [2, 3]))).toEqual([1, 2, 0, 3, 4, 0]);
  });
  it('[2,3] → [1,2]: crops', () => {
    expect(plain(resizeTensor([1, 2, 3, 4, 5, 6], [2, 3], [1, 2]))).toEqual([1, 2]);
  });
  it('[3,3,1,1] → [3,3,1,2]: a new filter of zeros, interleaved on the last axis', () => {
    const k = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(plain(resizeTensor(k, [3, 3, 1, 1], [3, 3, 1, 2]))).toEqual(k.flatMap((v) => [v, 0]));
  });
});

describe('paramsPatch', () => {
  const conv = () => convValidDoc().nodes.find((n) => n.id === 'conv') as NodeOf<'Conv2D'>;

  it('filters 1 → 2 on an explicit kernel: kernel [3,3,1,2] and the edit is valid', () => {
    const doc = convValidDoc();
    const params = paramsPatch(conv(), { filters: 2 });
    expect(params.kernel).toMatchObject({ shape: [3, 3, 1, 2] });
    expect(params.bias).toEqual({ init: 'zeros', seed: 0 });
    expect(applyEdits(doc, [{ kind: 'setParams', id: 'conv', params }]).ok).toBe(true);
  });

  it('filters 1 → 2: the old filter is kept and the new one is seeded glorotUniform, not zeros', () => {
    const params = paramsPatch(conv(), { filters: 2 });
    const data = (params.kernel as { data: Float32Array }).data;
    const old = (conv().params.kernel as { data: Float32Array }).data;
    const limit = Math.sqrt(6 / (9 * 1 + 9 * 2));
    for (let i = 0; i < 9; i++) {
      expect(data[2 * i]).toBe(old[i]);
      expect(Math.abs(data[2 * i + 1]!)).toBeLessThanOrEqual(limit);
    }
    expect(data.filter((v, i) => i % 2 === 1 && v !== 0).length).toBe(9);
  });

  it('kernelSize 3×3 → 2×2 keeps the top-left values', () => {
    const params = paramsPatch(conv(), { kernelSize: [2, 2] });
    expect(plain(params.kernel)).toEqual({ shape: [2, 2, 1, 1], data: [0, 0, 0, 1] });
  });

  it('an invalid size passes through untouched, for the schema to explain', () => {
    expect(paramsPatch(conv(), { filters: 0 })).toEqual({ filters: 0 });
    expect(paramsPatch(conv(), { kernelSize: [Number.NaN, 3] })).toEqual({
      kernelSize: [Number.NaN, 3],
    });
  });

  it('other params leave the weights alone', () => {
    expect(paramsPatch(conv(), { padding: 'same' })).toEqual({ padding: 'same' });
  });

  it('Dense units on explicit weights: kernel [in, units] and bias [units]', () => {
    const doc = parse(denseSlide);
    const dense = doc.nodes.find((n) => n.id === 'dense') as NodeOf<'Dense'>;
    const params = paramsPatch(dense, { units: 6 });
    const before = dense.params.kernel as { shape: number[] };
    expect(params.kernel).toMatchObject({ shape: [before.shape[0], 6] });
    expect(applyEdits(doc, [{ kind: 'setParams', id: 'dense', params }]).ok).toBe(true);
  });
});

describe('inputShapePatch', () => {
  const tensor = { shape: [2, 2, 1], data: Float32Array.of(1, 2, 3, 4) };
  it('W 2 → 3 zero-fills the new column', () => {
    expect(plain(inputShapePatch(tensor, 1, 3))).toEqual({
      tensor: { shape: [2, 3, 1], data: [1, 2, 0, 3, 4, 0] },
    });
  });
  it('an invalid size is passed on as typed', () => {
    expect(plain(inputShapePatch(tensor, 0, 0))).toEqual({
      tensor: { shape: [0, 2, 1], data: [1, 2, 3, 4] },
    });
  });
});
