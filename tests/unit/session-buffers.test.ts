import { describe, expect, it } from 'vitest';
import { EngineSession } from '../../src/engine/session.ts';
import type { GraphEdit } from '../../src/graph/edits.ts';
import type { GraphDocument } from '../../src/graph/types.ts';
import { pipelineDocument, tensorValue } from './helpers.ts';

/**
 * A graph large enough for the WebAssembly kernels (every layer above SIMD_MIN_WORK):
 * in 32×32×3 → c1 Conv2D 16 (3×3 same) → p MaxPool 2×2 → f Flatten → d Dense 10.
 */
const bigDoc = (): GraphDocument => pipelineDocument(32, 16, 10);

const IDS = ['in', 'c1', 'p', 'f', 'd'];

/** Every node's output data, by id, as the session holds it now. */
function arrays(s: EngineSession): Map<string, Float32Array> {
  return new Map(IDS.map((id) => [id, s.output(id)!.data]));
}

/** The outputs a fresh session computes for the incremental session's current document. */
function expectFreshResults(s: EngineSession): void {
  const fresh = new EngineSession();
  fresh.load(s.document);
  fresh.evaluate();
  for (const id of IDS) {
    expect(s.output(id)?.shape, id).toEqual(fresh.output(id)?.shape);
    expect(s.output(id)?.data, id).toEqual(fresh.output(id)?.data);
  }
}

function edited(edits: GraphEdit[]): { s: EngineSession; before: Map<string, Float32Array> } {
  const s = new EngineSession();
  s.load(bigDoc());
  s.evaluate();
  const before = arrays(s);
  expect(s.apply(edits).ok).toBe(true);
  s.evaluate();
  return { s, before };
}

describe('a recomputed node writes into its previous output array', () => {
  it('an activation edit reuses the arrays of c1 and everything after it, with fresh results', () => {
    const { s, before } = edited([{ kind: 'setParams', id: 'c1', params: { activation: 'relu' } }]);
    for (const id of IDS) expect(s.output(id)!.data, id).toBe(before.get(id));
    expectFreshResults(s);
  });

  it('an Input edit reuses its array too', () => {
    const data = Array.from({ length: 32 * 32 * 3 }, (_, i) => (i % 7) / 7);
    const { s, before } = edited([
      { kind: 'setParams', id: 'in', params: { tensor: tensorValue([32, 32, 3], data) } },
    ]);
    for (const id of IDS) expect(s.output(id)!.data, id).toBe(before.get(id));
    expect(s.output('in')!.data).toEqual(Float32Array.from(data));
    expectFreshResults(s);
  });

  it('a shape change gives new arrays where the length changed, and the right numbers', () => {
    const { s, before } = edited([{ kind: 'setParams', id: 'c1', params: { filters: 8 } }]);
    for (const id of ['c1', 'p', 'f']) expect(s.output(id)!.data, id).not.toBe(before.get(id));
    expect(s.output('c1')!.data).toHaveLength(32 * 32 * 8);
    // Dense 10 keeps its length: its array is reused even though its kernel changed shape.
    expect(s.output('d')!.data).toBe(before.get('d'));
    expectFreshResults(s);
  });

  it('an edit leaves the arrays of nodes upstream of it alone', () => {
    const { s, before } = edited([
      { kind: 'setParams', id: 'd', params: { kernel: { init: 'glorotUniform', seed: 9 } } },
    ]);
    const kept = before.get('c1')!.slice();
    expect(s.output('c1')!.data).toBe(before.get('c1'));
    expect(s.output('c1')!.data).toEqual(kept);
    expectFreshResults(s);
  });
});

describe('a session that owns its documents reuses replaced Input tensors', () => {
  const cell = (index: number, value: number): GraphEdit => ({
    kind: 'setCells',
    id: 'in',
    param: 'tensor',
    cells: [{ index, value }],
  });
  const tensorOf = (s: EngineSession) => {
    const node = s.document.nodes.find((n) => n.id === 'in')!;
    return (node.params as { tensor: { data: Float32Array } }).tensor.data;
  };

  it('the second cell edit writes the array the first replaced, with every value right', () => {
    const s = new EngineSession(undefined, { ownsDocuments: true });
    s.load(bigDoc());
    const original = tensorOf(s);
    const values = Array.from(original);
    expect(s.apply([cell(0, 5)]).ok).toBe(true);
    const first = tensorOf(s);
    expect(first).not.toBe(original);
    expect(s.apply([cell(1, 6)]).ok).toBe(true);
    expect(tensorOf(s)).toBe(original);
    values[0] = 5;
    values[1] = 6;
    expect(Array.from(tensorOf(s))).toEqual(values);
    // Each edit recycles the array it replaced: they take turns.
    expect(s.apply([cell(2, 7)]).ok).toBe(true);
    expect(tensorOf(s)).toBe(first);
    s.evaluate();
    expectFreshResults(s);
  });

  it('never writes an array the caller gave it, unless it owns its documents', () => {
    const doc = bigDoc();
    const given = (doc.nodes[0]!.params as { tensor: { data: Float32Array } }).tensor.data;
    const copy = given.slice();
    const s = new EngineSession();
    s.load(doc);
    for (let i = 0; i < 4; i++) expect(s.apply([cell(i, 9)]).ok).toBe(true);
    expect(given).toEqual(copy);
  });

  it('keeps an array another Input still holds', () => {
    const doc = bigDoc();
    const input = doc.nodes[0]!;
    const twin = { ...input, id: 'twin', position: { x: 0, y: 300 } };
    const s = new EngineSession(undefined, { ownsDocuments: true });
    s.load({ ...doc, nodes: [...doc.nodes, twin] });
    const shared = tensorOf(s);
    const copy = shared.slice();
    for (let i = 0; i < 4; i++) expect(s.apply([cell(i, 9)]).ok).toBe(true);
    const twinData = s.document.nodes.find((n) => n.id === 'twin')!.params as {
      tensor: { data: Float32Array };
    };
    expect(twinData.tensor.data).toBe(shared);
    expect(shared).toEqual(copy);
  });
});
