import { describe, expect, it } from 'vitest';
import {
  FILTER_PRESET_NAMES,
  filterPresetParams,
  presetOfKernel,
} from '../../../src/editor/filters/kernel-presets.ts';
import { parseNode } from '../../../src/graph/parse.ts';
import { chain, evaluate, inputNode, plain } from '../helpers.ts';

describe('filterPresetParams', () => {
  it("diagonal inC=1 filters=1 is the slide's 0 0 1 / 0 1 0 / 1 0 0, size 3×3, bias zero", () => {
    expect(plain(filterPresetParams('diagonal', 1, 1))).toEqual({
      kernelSize: [3, 3],
      kernel: { shape: [3, 3, 1, 1], data: [0, 0, 1, 0, 1, 0, 1, 0, 0] },
      bias: { init: 'zeros', seed: 0 },
    });
  });

  it('sobel-x inC=3 filters=2 repeats each tap on every channel of every filter', () => {
    const { kernel } = filterPresetParams('sobel-x', 3, 2);
    expect(kernel.shape).toEqual([3, 3, 3, 2]);
    expect(Array.from(kernel.data.slice(0, 6))).toEqual([-1, -1, -1, -1, -1, -1]);
    expect(Array.from(kernel.data.slice(6, 12))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(kernel.data.slice(12, 18))).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('blur kernels sum to 1, edge detectors to 0, sharpen to 1', () => {
    const total = (name: (typeof FILTER_PRESET_NAMES)[number]) =>
      filterPresetParams(name, 1, 1).kernel.data.reduce((a, b) => a + b, 0);
    // Taps are float32, as the engine computes with: 1/9 is not exact.
    expect(total('box-blur')).toBeCloseTo(1, 7);
    expect(total('gaussian-blur')).toBe(1);
    expect(total('sobel-x')).toBe(0);
    expect(total('sobel-y')).toBe(0);
    expect(total('laplacian')).toBe(0);
    expect(total('sharpen')).toBe(1);
  });

  it('every preset gives params a Conv2D node accepts', () => {
    for (const name of FILTER_PRESET_NAMES) {
      const node = parseNode({
        id: 'c',
        type: 'Conv2D',
        params: { filters: 4, ...filterPresetParams(name, 2, 4) },
      });
      expect(node.ok).toBe(true);
    }
  });

  it('sobel-x on x=[3,4,1] with a step from 0 to 1 between columns 1 and 2 responds 4 there', () => {
    const image = [0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1];
    const doc = chain(inputNode('in', { shape: [3, 4, 1], data: image }), {
      id: 'c',
      type: 'Conv2D',
      params: { filters: 1, ...filterPresetParams('sobel-x', 1, 1) },
    });
    const out = evaluate(doc).out('c');
    expect(out).toEqual({ shape: [1, 2, 1], data: [4, 4] });
  });
});

describe('presetOfKernel', () => {
  it('recognises each preset at any channel count, and nothing else', () => {
    for (const name of FILTER_PRESET_NAMES)
      expect(presetOfKernel(filterPresetParams(name, 3, 2).kernel)).toBe(name);
    expect(presetOfKernel({ init: 'glorotUniform', seed: 0 })).toBeNull();
    expect(
      presetOfKernel({ shape: [3, 3, 1, 1], data: Float32Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1) }),
    ).toBeNull();
    expect(presetOfKernel({ shape: [1, 1, 1, 1], data: Float32Array.of(0) })).toBeNull();
  });
});
