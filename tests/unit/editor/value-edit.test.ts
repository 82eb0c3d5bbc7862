import { describe, expect, it } from 'vitest';
import { convFans, resolveWeight } from '../../../src/engine/weights.ts';
import { parseNode } from '../../../src/graph/parse.ts';
import type { NodeOf } from '../../../src/graph/types.ts';
import {
  biasCellPatch,
  editText,
  inputIndex,
  kernelCellsPatch,
  kernelIndex,
  lineCells,
  withCells,
} from '../../../src/editor/values/value-edit.ts';

function conv(params: Record<string, unknown>): NodeOf<'Conv2D'> {
  const node = parseNode({ id: 'c', type: 'Conv2D', params });
  if (!node.ok || node.value.type !== 'Conv2D') throw new Error('bad node');
  return node.value;
}

describe('withCells', () => {
  const t = { shape: [2, 2, 1], data: [0, 1, 0, 1] };

  it('x=[2,2,1]: sets cell (1,0) and leaves the tensor it was given alone', () => {
    const next = withCells(t, [{ index: inputIndex(t.shape, 1, 0, 0), value: 7 }]);
    expect(next.data).toEqual([0, 1, 7, 1]);
    expect(t.data).toEqual([0, 1, 0, 1]);
  });

  it('changing nothing (or only cells out of range) gives the same object', () => {
    expect(withCells(t, [{ index: 1, value: 1 }])).toBe(t);
    expect(withCells(t, [{ index: 9, value: 5 }])).toBe(t);
  });
});

describe('kernel cell patches', () => {
  it('k=[3,3,1,1] explicit: cell (1,1) of the slide filter becomes 2', () => {
    const node = conv({
      filters: 1,
      kernelSize: [3, 3],
      kernel: { shape: [3, 3, 1, 1], data: [0, 0, 1, 0, 1, 0, 1, 0, 0] },
    });
    const patch = kernelCellsPatch(node, 1, [
      { index: kernelIndex([3, 3, 1, 1], 1, 1, 0, 0), value: 2 },
    ]);
    expect(patch.kernel.data).toEqual([0, 0, 1, 0, 2, 0, 1, 0, 0]);
  });

  it('k=[2,2,3,2] glorot: one edit keeps every other drawn weight exactly', () => {
    const node = conv({
      filters: 2,
      kernelSize: [2, 2],
      kernel: { init: 'glorotUniform', seed: 5 },
    });
    const drawn = resolveWeight(node.params.kernel, [2, 2, 3, 2], convFans(2, 2, 3, 2));
    const i = kernelIndex([2, 2, 3, 2], 0, 1, 2, 1);
    const patch = kernelCellsPatch(node, 3, [{ index: i, value: 0.5 }]);
    expect(patch.kernel.shape).toEqual([2, 2, 3, 2]);
    expect(patch.kernel.data[i]).toBe(0.5);
    patch.kernel.data.forEach((v, j) => j !== i && expect(v).toBe(drawn[j]));
  });

  it('bias of filter 1 of 2, from the zeros initializer', () => {
    const node = conv({ filters: 2, kernelSize: [1, 1] });
    expect(biasCellPatch(node, 1, 1, -0.25).bias).toEqual({ shape: [2], data: [0, -0.25] });
  });
});

describe('lineCells', () => {
  it('a fast drag from (0,0) to (0,4) paints the cells between', () => {
    expect(lineCells({ row: 0, col: 0 }, { row: 0, col: 4 }).map((p) => p.col)).toEqual([
      0, 1, 2, 3, 4,
    ]);
  });

  it('a diagonal and a backwards line include both ends and no gaps', () => {
    expect(lineCells({ row: 2, col: 2 }, { row: 0, col: 0 })).toEqual([
      { row: 2, col: 2 },
      { row: 1, col: 1 },
      { row: 0, col: 0 },
    ]);
    const steep = lineCells({ row: 0, col: 0 }, { row: 3, col: 1 });
    expect(steep).toHaveLength(4);
    expect(steep.at(-1)).toEqual({ row: 3, col: 1 });
  });
});

describe('editText', () => {
  it('typed values exactly, drawn weights to four significant digits', () => {
    expect(editText(3)).toBe('3');
    expect(editText(-0.25)).toBe('-0.25');
    expect(editText(0.27346298098564148)).toBe('0.2735');
  });
});
