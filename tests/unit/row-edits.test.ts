import { beforeEach, describe, expect, it, vi } from 'vitest';
import { toWireReport } from '../../src/engine/api.ts';
import { EngineSession } from '../../src/engine/session.ts';
import { SharedOutputs } from '../../src/engine/shared-outputs.ts';
import type { GraphEdit } from '../../src/graph/edits.ts';
import { parseGraph } from '../../src/graph/parse.ts';
import type { GraphDocument } from '../../src/graph/types.ts';
import type { WindowInfo } from '../../src/graph/window.ts';
import { chain, inputNode, type NodeSpec } from './helpers.ts';

/** The output rows of every SIMD layer kernel call, by kernel name. */
const rowsRun = vi.hoisted(() => new Map<string, number[]>());
vi.mock('../../src/engine/wasm/index.ts', async (original) => {
  const m = await original<typeof import('../../src/engine/wasm/index.ts')>();
  const note = (name: string, g: WindowInfo) =>
    rowsRun.set(name, [...(rowsRun.get(name) ?? []), g.outH]);
  return {
    ...m,
    conv2dSimd: (...args: Parameters<typeof m.conv2dSimd>) => {
      note('conv2dSimd', args[2]);
      return m.conv2dSimd(...args);
    },
    maxPoolSimd: (...args: Parameters<typeof m.maxPoolSimd>) => {
      note('maxPoolSimd', args[1]);
      return m.maxPoolSimd(...args);
    },
  };
});

beforeEach(() => rowsRun.clear());

function parsed(...nodes: NodeSpec[]): GraphDocument {
  const doc = parseGraph(chain(...nodes));
  if (!doc.ok) throw new Error(doc.error);
  return doc.value;
}

const ramp = (n: number) => Array.from({ length: n }, (_, i) => Math.fround(Math.sin(i)));

function bits(data: Float32Array | undefined): string {
  return data ? Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('hex') : '-';
}

function freshBits(doc: GraphDocument): Map<string, string> {
  const fresh = new EngineSession();
  fresh.load(doc);
  fresh.evaluate();
  return new Map(doc.nodes.map((n) => [n.id, bits(fresh.output(n.id)?.data)]));
}

const dot = (index: number, value: number): GraphEdit => ({
  kind: 'setCells',
  id: 'x',
  param: 'tensor',
  cells: [{ index, value }],
});

describe('a dot recomputes the rows it reaches', () => {
  // 64×64×3 → Conv2D 8 (3×3 same) → MaxPool 2×2 → Conv2D 8 (3×3 same, stride 2): SIMD paths.
  const doc = parsed(
    inputNode('x', { shape: [64, 64, 3], data: ramp(64 * 64 * 3) }),
    { id: 'c1', type: 'Conv2D', params: { filters: 8, kernelSize: [3, 3], padding: 'same' } },
    { id: 'p', type: 'MaxPool', params: { poolSize: [2, 2] } },
    {
      id: 'c2',
      type: 'Conv2D',
      params: { filters: 8, kernelSize: [3, 3], strides: [2, 2], padding: 'same' },
    },
  );

  it('a pixel in row 20: c1 rows 19–21, the pool row 9–10, c2 rows 4–5', () => {
    const session = new EngineSession();
    session.load(doc);
    session.evaluate();
    expect(rowsRun.get('conv2dSimd')).toEqual([64, 16]);
    rowsRun.clear();
    expect(session.apply([dot((20 * 64 + 7) * 3 + 1, 5)]).ok).toBe(true);
    session.evaluate();
    // c1 reads rows y-1..y+1: row 20 reaches 19..21; the pool's rows 9 (18–19) and 10 (20–21);
    // c2 (stride 2, pad top 0 of a total 1) row y reads 2y..2y+2: rows 4 and 5.
    expect(rowsRun.get('conv2dSimd')).toEqual([3, 2]);
    expect(rowsRun.get('maxPoolSimd')).toEqual([2]);
    const want = freshBits(session.document);
    for (const id of ['x', 'c1', 'p', 'c2'])
      expect(bits(session.output(id)?.data), id).toBe(want.get(id));
  });

  it('an activation edit with the dot recomputes that layer whole', () => {
    const session = new EngineSession();
    session.load(doc);
    session.evaluate();
    rowsRun.clear();
    session.apply([dot(5, 1), { kind: 'setParams', id: 'c1', params: { activation: 'relu' } }]);
    session.evaluate();
    expect(rowsRun.get('conv2dSimd')).toEqual([64, 16]);
  });

  it('a dot in the same batch as a load leaves nothing of the old outputs', () => {
    const session = new EngineSession();
    session.load(doc);
    session.evaluate();
    // The same ids and shapes, other pixels: nothing of the old outputs may be kept.
    const other = structuredClone(doc);
    const input = other.nodes.find((n) => n.id === 'x')!;
    if (input.type === 'Input') input.params.tensor.data.reverse();
    expect(session.apply([{ kind: 'load', graph: other }, dot(7, 2)]).ok).toBe(true);
    session.evaluate();
    const want = freshBits(session.document);
    for (const id of ['x', 'c1', 'p', 'c2'])
      expect(bits(session.output(id)?.data), id).toBe(want.get(id));
  });

  it('reads no lent output the page gave back before the edit was computed', () => {
    // Three outputs of 4,096 values: a given-back one is reused by the next of the same size.
    const pools = parsed(
      inputNode('x', { shape: [32, 32, 4], data: ramp(32 * 32 * 4) }),
      { id: 'p1', type: 'MaxPool', params: { poolSize: [1, 1], padding: 'same' } },
      { id: 'p2', type: 'MaxPool', params: { poolSize: [3, 1], strides: [1, 1], padding: 'same' } },
    );
    const memory = new SharedOutputs();
    const session = new EngineSession(undefined, { memory });
    session.load(pools);
    const first = toWireReport(session.evaluate(), memory);
    expect(first.outputs.every((o) => o.lease !== undefined)).toBe(true);
    session.apply([dot(100, 9)]);
    // The page drops every map after the edit is applied, before it is computed.
    memory.release(first.outputs.map((o) => o.lease!));
    toWireReport(session.evaluate(), memory);
    const want = freshBits(session.document);
    for (const id of ['x', 'p1', 'p2'])
      expect(bits(session.output(id)?.data), id).toBe(want.get(id));
  });
});
