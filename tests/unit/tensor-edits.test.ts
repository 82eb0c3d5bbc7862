import { describe, expect, it } from 'vitest';
import { EngineSession } from '../../src/engine/session.ts';
import type { GraphEdit } from '../../src/graph/edits.ts';
import { parseGraph } from '../../src/graph/parse.ts';
import { tensorEdit } from '../../src/graph/cell-edits.ts';
import { toTensorData } from '../../src/graph/tensor-data.ts';
import { createEditorStore } from '../../src/state/editor-store.ts';
import { chain, inputNode, plain } from './helpers.ts';
import { CHECKED_EDITS } from '../../src/graph/edits.ts';

const doc = () => {
  const parsed = parseGraph(
    chain(inputNode('x', { shape: [2, 2, 1], data: [1, 2, 3, 4] }), {
      id: 'c',
      type: 'Conv2D',
      params: { filters: 1, kernelSize: [1, 1], kernel: { shape: [1, 1, 1, 1], data: [2] } },
    }),
  );
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

const BAD = [Number.NaN, Infinity, -Infinity, 1e39];
const badEdits = (v: number): [string, GraphEdit][] => [
  [
    'setCells on an Input',
    { kind: 'setCells', id: 'x', param: 'tensor', cells: [{ index: 1, value: v }] },
  ],
  [
    'setCells on a kernel',
    { kind: 'setCells', id: 'c', param: 'kernel', cells: [{ index: 0, value: v }] },
  ],
  [
    'setParams, JSON numbers',
    { kind: 'setParams', id: 'x', params: { tensor: { shape: [2, 2, 1], data: [1, v, 3, 4] } } },
  ],
  [
    'setParams, a Float32Array',
    {
      kind: 'setParams',
      id: 'c',
      params: { kernel: { shape: [1, 1, 1, 1], data: Float32Array.of(v) } },
    },
  ],
  [
    'addNode',
    {
      kind: 'addNode',
      node: { id: 'y', type: 'Input', params: { tensor: { shape: [1, 1, 1], data: [v] } } },
    },
  ],
  [
    'load',
    {
      kind: 'load',
      graph: {
        ...(plain(doc()) as object),
        nodes: [
          {
            id: 'x',
            type: 'Input',
            params: { tensor: { shape: [1, 1, 1], data: Float32Array.of(v) } },
          },
        ],
        edges: [],
      },
    },
  ],
];

describe('every edit that carries a tensor refuses a value that is not a finite float32', () => {
  for (const v of BAD)
    it.each(badEdits(v))(
      `%s with ${v}: a message naming the value's place, nothing changed`,
      (_name, edit) => {
        const session = new EngineSession(CHECKED_EDITS);
        session.load(doc());
        const before = session.document;
        const epoch = session.currentEpoch;
        const result = session.apply([edit]);
        expect(result.ok).toBe(false);
        if (!result.ok)
          expect(result.error).toMatch(/data\[\d+\]: expected (an array of )?finite numbers/);
        expect(session.document).toBe(before);
        expect(session.currentEpoch).toBe(epoch);

        const store = createEditorStore(doc());
        const state = store.getState();
        expect(store.dispatch([edit]).ok).toBe(false);
        expect(store.getState().doc).toBe(state.doc);
      },
    );
});

describe('setCells', () => {
  it('x=[2,2,1]: changes only the named cells, in a new array, leaving the old document alone', () => {
    const before = doc();
    const session = new EngineSession(CHECKED_EDITS);
    session.load(before);
    expect(
      session.apply([
        { kind: 'setCells', id: 'x', param: 'tensor', cells: [{ index: 3, value: -1 }] },
      ]).ok,
    ).toBe(true);
    expect(plain(session.document.nodes[0]?.params)).toEqual({
      tensor: { shape: [2, 2, 1], data: [1, 2, 3, -1] },
    });
    expect(plain(before.nodes[0]?.params)).toEqual({
      tensor: { shape: [2, 2, 1], data: [1, 2, 3, 4] },
    });
    expect(Array.from(session.evaluate().outputs.get('c')?.data ?? [])).toEqual([2, 4, 6, -2]);
  });

  it('an index out of range, or a node without that tensor, is refused by name', () => {
    const session = new EngineSession(CHECKED_EDITS);
    session.load(doc());
    const out = session.apply([
      { kind: 'setCells', id: 'x', param: 'tensor', cells: [{ index: 4, value: 0 }] },
    ]);
    expect(out).toEqual({
      ok: false,
      error: 'node "x": cells[0].index: expected an index from 0 to 3',
    });
    const none = session.apply([{ kind: 'setCells', id: 'x', param: 'kernel', cells: [] }]);
    expect(none).toEqual({
      ok: false,
      error: 'node "x": params.kernel: expected an explicit tensor to edit',
    });
  });
});

describe('tensor data is checked once', () => {
  it('an array that passed is passed again without a walk; a new one is walked', () => {
    const first = toTensorData([1, 2]);
    if (!first.ok) throw new Error(`refused at ${first.index}`);
    // Written behind the document's back (which the app never does), the bad value goes
    // unseen: the proof that the second check did not look at the values.
    first.value[0] = Number.NaN;
    expect(toTensorData(first.value).ok).toBe(true);
    expect(toTensorData(Float32Array.of(Number.NaN)).ok).toBe(false);
  });
});

describe('tensorEdit (a drawing-pad stroke)', () => {
  const tensor = { shape: [2, 4, 1], data: new Float32Array(8) };
  it('x=[2,4,1], one cell painted: a setCells of that cell only', () => {
    const next = Float32Array.of(0, 0, 0, 1, 0, 0, 0, 0);
    expect(tensorEdit('x', 'tensor', tensor, next)).toEqual({
      kind: 'setCells',
      id: 'x',
      param: 'tensor',
      cells: [{ index: 3, value: 1 }],
    });
  });
  it('most cells changed: the new array in one setParams; nothing changed: no edit', () => {
    const next = new Float32Array(8).fill(1);
    expect(tensorEdit('x', 'tensor', tensor, next)).toEqual({
      kind: 'setParams',
      id: 'x',
      params: { tensor: { shape: [2, 4, 1], data: next } },
    });
    expect(tensorEdit('x', 'tensor', tensor, new Float32Array(8))).toBeNull();
  });
});
