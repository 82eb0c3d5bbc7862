import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EngineSession } from '../../src/engine/session.ts';
import { PreActivations } from '../../src/engine/pre-activations.ts';
import { WeightStore } from '../../src/engine/weight-store.ts';
import type { GraphEdit } from '../../src/graph/edits.ts';
import { inferShapes, type NodeShapeOk } from '../../src/graph/shape-inference.ts';
import { pipelineDocument } from './helpers.ts';

/** Every call of a layer kernel, SIMD or TypeScript, by kernel name. */
const calls = vi.hoisted(() => new Map<string, number>());
function counted<F extends (...args: never[]) => unknown>(name: string, f: F): F {
  return ((...args: Parameters<F>) => {
    calls.set(name, (calls.get(name) ?? 0) + 1);
    return f(...args);
  }) as F;
}
vi.mock('../../src/engine/wasm/index.ts', async (original) => {
  const m = await original<typeof import('../../src/engine/wasm/index.ts')>();
  return {
    ...m,
    conv2dSimd: counted('conv2dSimd', m.conv2dSimd),
    denseSimd: counted('denseSimd', m.denseSimd),
  };
});
vi.mock('../../src/engine/kernels/conv2d.ts', async (original) => {
  const m = await original<typeof import('../../src/engine/kernels/conv2d.ts')>();
  return { ...m, conv2d: counted('conv2d', m.conv2d) };
});
vi.mock('../../src/engine/kernels/dense.ts', async (original) => {
  const m = await original<typeof import('../../src/engine/kernels/dense.ts')>();
  return { ...m, dense: counted('dense', m.dense) };
});

const activation = (id: string, a: string): GraphEdit => ({
  kind: 'setParams',
  id,
  params: { activation: a },
});

function bitsOf(data: Float32Array | undefined): string {
  return data ? Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('hex') : '';
}

/** A fresh session's outputs of `session`'s document, as bits (its kernel calls not counted). */
function freshBits(session: EngineSession, ids: string[]): string[] {
  const counts = new Map(calls);
  const fresh = new EngineSession();
  fresh.load(session.document);
  fresh.evaluate();
  for (const [name, n] of counts) calls.set(name, n);
  return ids.map((id) => bitsOf(fresh.output(id)?.data));
}

beforeEach(() => calls.clear());

describe.each([
  // 12×12×3 → 8 filters: 31,104 multiply-adds, Dense 288 → 16: both on the SIMD kernels.
  { path: 'SIMD', side: 12, filters: 8, units: 16, conv: 'conv2dSimd', dense: 'denseSimd' },
  // 4×4×3 → 2 filters, Dense 8 → 4: slide-sized, both on the TypeScript kernels.
  { path: 'TypeScript', side: 4, filters: 2, units: 4, conv: 'conv2d', dense: 'dense' },
])('activation edits, $path kernels', ({ side, filters, units, conv, dense }) => {
  /** A session of the pipeline, evaluated once. */
  const evaluated = () => {
    const session = new EngineSession();
    session.load(pipelineDocument(side, filters, units));
    session.evaluate();
    return session;
  };
  /** Apply each edit and evaluate, one after another. */
  const editEach = (session: EngineSession, ...edits: GraphEdit[]) => {
    for (const edit of edits) {
      session.apply([edit]);
      session.evaluate();
    }
  };

  it('run the layer once more, then only the activation; outputs stay bit-identical', () => {
    const session = evaluated();
    expect(calls.get(conv)).toBe(1);
    expect(calls.get(dense)).toBe(1);
    const sequence = ['linear', 'relu', 'tanh', 'sigmoid', 'linear', 'softmax', 'relu'];
    const ids = ['c1', 'p', 'd'];
    for (const [layer, kernel] of [
      ['c1', conv],
      ['d', dense],
    ] as const) {
      const before = calls.get(kernel)!;
      for (const [i, a] of sequence.entries()) {
        expect(session.apply([activation(layer, a)]).ok).toBe(true);
        session.evaluate();
        // The first edit finds the sums unchanged and keeps them: one more run of the layer.
        expect(calls.get(kernel), `${layer} ${a} (edit ${i})`).toBe(before + 1);
        expect(
          ids.map((id) => bitsOf(session.output(id)?.data)),
          `${layer} ${a}: bit-identical to a fresh session`,
        ).toEqual(freshBits(session, ids));
      }
    }
    // The Dense's input changed at every Conv2D edit: it ran each time (7), then once more.
    expect(calls.get(dense)).toBe(1 + sequence.length + 1);
  });

  it('an upstream edit runs the layer again, and the next activation edit keeps new sums', () => {
    const session = evaluated();
    editEach(session, activation('c1', 'linear'), {
      kind: 'setCells',
      id: 'in',
      param: 'tensor',
      cells: [{ index: 0, value: 3 }],
    });
    expect(calls.get(conv)).toBe(3);
    editEach(session, activation('c1', 'relu'), activation('c1', 'tanh'));
    expect(calls.get(conv)).toBe(4);
    expect(bitsOf(session.output('c1')?.data)).toBe(freshBits(session, ['c1'])[0]);
  });

  it('a new bias value runs the layer again (the sums depend on it)', () => {
    const session = evaluated();
    editEach(session, activation('c1', 'linear'), {
      kind: 'setParams',
      id: 'c1',
      params: { useBias: false },
    });
    expect(calls.get(conv)).toBe(3);
    expect(bitsOf(session.output('c1')?.data)).toBe(freshBits(session, ['c1'])[0]);
  });
});

describe('PreActivations', () => {
  const doc = pipelineDocument(12, 8, 16);
  const node = doc.nodes.find((n) => n.id === 'c1')!;
  const shape = inferShapes(doc).get('c1') as NodeShapeOk;
  const input = new Float32Array(12 * 12 * 3).fill(0.5);

  it('keeps no sums for a node recomputed from new input each time', () => {
    const kept = new PreActivations();
    const weights = new WeightStore();
    for (let stamp = 1; stamp <= 3; stamp++) {
      kept.compute(node, input, stamp, shape, weights, undefined);
      expect(kept.holds('c1')).toBe(false);
    }
  });

  it('keeps them from the second computation with the same input, and lets them go after', () => {
    const kept = new PreActivations();
    const weights = new WeightStore();
    kept.compute(node, input, 1, shape, weights, undefined);
    kept.compute(node, input, 1, shape, weights, undefined);
    expect(kept.holds('c1')).toBe(true);
    kept.compute(node, input, 2, shape, weights, undefined);
    expect(kept.holds('c1')).toBe(false);
    kept.compute(node, input, 2, shape, weights, undefined);
    kept.forget('c1');
    expect(kept.holds('c1')).toBe(false);
  });
});
