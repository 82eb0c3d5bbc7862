import { describe, expect, it } from 'vitest';
import { convFans, resolveWeight } from '../../../src/graph/weights.ts';
import { parseNode } from '../../../src/graph/parse.ts';
import { applyEdits, type GraphEdit } from '../../../src/graph/edits.ts';
import type { NodeOf, TensorValue } from '../../../src/graph/types.ts';
import {
  cellsEdit,
  convCellsEdit,
  editText,
  inputIndex,
  kernelIndex,
  lineCells,
} from '../../../src/panels/explain/values/value-edit.ts';
import { plain } from '../helpers.ts';

function conv(params: Record<string, unknown>): NodeOf<'Conv2D'> {
  const node = parseNode({ id: 'c', type: 'Conv2D', params });
  if (!node.ok || node.value.type !== 'Conv2D') throw new Error('bad node');
  return node.value;
}

/** The node after the edit, as the store would apply it. */
function applied(node: NodeOf<'Conv2D'>, edit: GraphEdit | null) {
  const doc = { format: 'convflow-graph' as const, version: 1 as const, nodes: [node], edges: [] };
  const result = applyEdits(doc, edit ? [edit] : []);
  if (!result.ok) throw new Error(result.error);
  return result.value.doc.nodes[0] as NodeOf<'Conv2D'>;
}

describe('cellsEdit', () => {
  const t = { shape: [2, 2, 1], data: Float32Array.of(0, 1, 0, 1) };

  it('x=[2,2,1]: carries only cell (1,0), not the tensor', () => {
    const edit = cellsEdit('x', 'tensor', t, [{ index: inputIndex(t.shape, 1, 0, 0), value: 7 }]);
    expect(edit).toEqual({
      kind: 'setCells',
      id: 'x',
      param: 'tensor',
      cells: [{ index: 2, value: 7 }],
    });
    expect(plain(t.data)).toEqual([0, 1, 0, 1]);
  });

  it('changing nothing (or only cells out of range) is no edit', () => {
    expect(cellsEdit('x', 'tensor', t, [{ index: 1, value: 1 }])).toBeNull();
    expect(cellsEdit('x', 'tensor', t, [{ index: 9, value: 5 }])).toBeNull();
  });
});

describe('kernel cell edits', () => {
  it('k=[3,3,1,1] explicit: cell (1,1) of the slide filter becomes 2, as one setCells', () => {
    const node = conv({
      filters: 1,
      kernelSize: [3, 3],
      kernel: { shape: [3, 3, 1, 1], data: [0, 0, 1, 0, 1, 0, 1, 0, 0] },
    });
    const edit = convCellsEdit(node, 1, 'kernel', [
      { index: kernelIndex([3, 3, 1, 1], 1, 1, 0, 0), value: 2 },
    ]);
    expect(edit?.kind).toBe('setCells');
    expect(plain(applied(node, edit).params.kernel)).toEqual({
      shape: [3, 3, 1, 1],
      data: [0, 0, 1, 0, 2, 0, 1, 0, 0],
    });
  });

  it('k=[2,2,3,2] glorot: one edit keeps every other drawn weight exactly', () => {
    const node = conv({
      filters: 2,
      kernelSize: [2, 2],
      kernel: { init: 'glorotUniform', seed: 5 },
    });
    const drawn = resolveWeight(node.params.kernel, [2, 2, 3, 2], convFans(2, 2, 3, 2));
    const i = kernelIndex([2, 2, 3, 2], 0, 1, 2, 1);
    const kernel = applied(node, convCellsEdit(node, 3, 'kernel', [{ index: i, value: 0.5 }]))
      .params.kernel as TensorValue;
    expect(kernel.shape).toEqual([2, 2, 3, 2]);
    expect(kernel.data[i]).toBe(0.5);
    kernel.data.forEach((v, j) => j !== i && expect(v).toBe(drawn[j]));
  });

  it('bias of filter 1 of 2, from the zeros initializer', () => {
    const node = conv({ filters: 2, kernelSize: [1, 1] });
    const edit = convCellsEdit(node, 1, 'bias', [{ index: 1, value: -0.25 }]);
    expect(plain(applied(node, edit).params.bias)).toEqual({ shape: [2], data: [0, -0.25] });
  });

  it('useBias false: a bias cell is no edit (the node has no bias to change)', () => {
    const node = conv({ filters: 2, kernelSize: [1, 1], useBias: false });
    expect(convCellsEdit(node, 1, 'bias', [{ index: 0, value: 1 }])).toBeNull();
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
