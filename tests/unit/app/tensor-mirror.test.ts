import { describe, expect, it } from 'vitest';
import { createPersistApi } from '../../../src/app/persist-api.ts';
import {
  createTensorMirror,
  createTensorStore,
  MIRROR_MIN_VALUES,
  mirroredSave,
  SLICE_VALUES,
  type TensorSlice,
} from '../../../src/app/tensor-mirror.ts';
import { sameGraph } from '../../../src/graph/graph-diff.ts';
import type { GraphDocument } from '../../../src/graph/types.ts';
import { doc } from '../state/fixtures.ts';
import { MemorySaves } from './fake-browser.ts';

/** Input [h, w, 3] → Conv2D: the input's data is the only large tensor. */
function photoDoc(h: number, w: number, activation = 'linear', fill = 0.5): GraphDocument {
  const data = new Float32Array(h * w * 3).fill(fill);
  return doc({
    format: 'convflow-graph',
    version: 1,
    nodes: [
      { id: 'photo', type: 'Input', params: { tensor: { shape: [h, w, 3], data } } },
      { id: 'conv', type: 'Conv2D', params: { filters: 1, kernelSize: [3, 3], activation } },
    ],
    edges: [{ source: 'photo', target: 'conv' }],
  });
}

/** The same document with Conv2D `conv` set to `activation`, its tensors shared. */
function withActivation(d: GraphDocument, activation: 'relu' | 'tanh'): GraphDocument {
  const nodes = d.nodes.map((n) =>
    n.type === 'Conv2D' ? { ...n, params: { ...n.params, activation } } : n,
  );
  return { ...d, nodes };
}

/** A worker run in the test's thread, counting the slices it receives. */
function counted(db = new MemorySaves()) {
  const api = createPersistApi(db);
  const slices: TensorSlice[] = [];
  const worker = {
    putSlice: (slice: TensorSlice) => {
      slices.push(slice);
      api.putSlice(slice);
    },
    save: api.save,
  };
  return { db, slices, worker };
}

const request = (d: GraphDocument, revision: number) => ({ doc: d, session: 's', revision });

describe('large tensors cross to the persistence worker once', () => {
  it('Input 600×600×3 (1,080,000 numbers): two slices for the first save, none for an activation edit', async () => {
    const { db, slices, worker } = counted();
    const save = mirroredSave(worker);
    const first = photoDoc(600, 600);
    await save(request(first, 1));
    expect(slices.map((s) => [s.offset, s.values.length])).toEqual([
      [0, SLICE_VALUES],
      [SLICE_VALUES, 1_080_000 - SLICE_VALUES],
    ]);
    expect(sameGraph(db.stored!.graph as GraphDocument, first)).toBe(true);
    const edited = withActivation(first, 'relu');
    await save(request(edited, 2));
    expect(slices).toHaveLength(2);
    expect(sameGraph(db.stored!.graph as GraphDocument, edited)).toBe(true);
    expect(sameGraph(db.stored!.graph as GraphDocument, first)).toBe(false);
  });

  it('an edit that replaces the tensor sends the new one; the worker lets the old one go', async () => {
    const { db, slices, worker } = counted();
    const save = mirroredSave(worker);
    await save(request(photoDoc(64, 64), 1));
    const replaced = photoDoc(64, 64, 'linear', 0.25);
    await save(request(replaced, 2));
    expect(slices.map((s) => s.id)).toEqual([1, 2]);
    expect(db.stored?.graph).toEqual(replaced);
  });

  it('a restarted worker answers null and is sent everything again', async () => {
    const db = new MemorySaves();
    let worker = counted(db);
    const through = {
      putSlice: (s: TensorSlice) => worker.worker.putSlice(s),
      save: (r: never) => worker.worker.save(r),
    };
    const save = mirroredSave(through, createTensorMirror());
    const first = photoDoc(64, 64);
    await save(request(first, 1));
    worker = counted(db); // a fresh worker: holds nothing
    const edited = withActivation(first, 'tanh');
    await save(request(edited, 2));
    expect(worker.slices).toHaveLength(1);
    expect(db.stored?.graph).toEqual(edited);
  });

  it('a Float32Array goes as copies of its parts, moved, and comes out a Float32Array', async () => {
    const data = Float32Array.from({ length: SLICE_VALUES + 10 }, (_, i) => i);
    const d = {
      format: 'convflow-graph',
      version: 1,
      nodes: [{ id: 'x', type: 'Input', params: { tensor: { shape: [1, 1, data.length], data } } }],
      edges: [],
    } as unknown as GraphDocument;
    const sent: TensorSlice[] = [];
    const { wire, refs } = await createTensorMirror().prepare(d, async (s) => void sent.push(s));
    expect(sent.map((s) => (s.values as Float32Array).buffer.byteLength)).toEqual([
      4 * SLICE_VALUES,
      40,
    ]);
    const store = createTensorStore();
    sent.forEach(store.put);
    const back = store.resolve(wire)!;
    expect(refs).toEqual([1]);
    const tensor = (back.nodes[0]!.params as unknown as { tensor: { data: Float32Array } }).tensor;
    expect(tensor.data).toBeInstanceOf(Float32Array);
    expect(tensor.data).toEqual(data);
  });

  it(`tensors under ${MIRROR_MIN_VALUES} values travel inside the document`, async () => {
    const small = photoDoc(8, 8);
    const { wire, refs } = await createTensorMirror().prepare(small, async () => {
      throw new Error('nothing to send');
    });
    expect(refs).toEqual([]);
    expect(wire).toEqual(small);
  });

  it('the worker refuses a reference it does not hold, or holds only in part', () => {
    const store = createTensorStore();
    const wire = {
      nodes: [{ id: 'x', params: { tensor: { shape: [8], data: { tensorRef: 3 } } } }],
    };
    expect(store.resolve(wire)).toBeNull();
    store.put({ id: 3, total: 8, offset: 0, values: Float32Array.of(1, 2, 3, 4) });
    expect(store.resolve(wire)).toBeNull();
    store.put({ id: 3, total: 8, offset: 4, values: Float32Array.of(5, 6, 7, 8) });
    expect(store.resolve(wire)).toEqual({
      nodes: [
        {
          id: 'x',
          params: { tensor: { shape: [8], data: Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8) } },
        },
      ],
    });
  });
});
