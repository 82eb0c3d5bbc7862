import { describe, expect, it } from 'vitest';
import { toWireReport } from '../../src/engine/api.ts';
import { EngineSession } from '../../src/engine/session.ts';
import { SharedOutputs } from '../../src/engine/shared-outputs.ts';
import type { GraphEdit } from '../../src/graph/edits.ts';
import { parseGraph } from '../../src/graph/parse.ts';
import type { GraphDocument } from '../../src/graph/types.ts';
import { chain, inputNode, type NodeSpec } from '../unit/helpers.ts';
import { makeRng, randomData, seeds, type Rng } from './rng.ts';

/**
 * Input H×W×C → 1–3 random Conv2D / MaxPool layers (any kernel, stride, padding and
 * activation; small enough for the TypeScript kernels or large enough for the SIMD ones),
 * sometimes ending in Flatten → Dense.
 */
function randomChain(rng: Rng): { doc: GraphDocument; h: number; w: number; c: number } {
  const big = rng.chance(0.5);
  const [h, w, c] = big
    ? [rng.int(8, 24), rng.int(6, 16), rng.int(1, 4)]
    : [rng.int(1, 9), rng.int(1, 7), rng.int(1, 2)];
  const nodes: NodeSpec[] = [
    inputNode('x', { shape: [h, w, c], data: randomData(rng, h * w * c, 2) }),
  ];
  const layers = rng.int(1, 3);
  for (let i = 0; i < layers; i++) {
    const size = [rng.int(1, 4), rng.int(1, 3)];
    const strides = [rng.int(1, 3), rng.int(1, 2)];
    // 'same' always fits; 'valid' may not, and then the node's error is part of the test.
    const padding = rng.chance(0.7) ? 'same' : 'valid';
    nodes.push(
      rng.chance(0.65)
        ? {
            id: `l${i}`,
            type: 'Conv2D',
            params: {
              filters: big ? rng.int(4, 12) : rng.int(1, 3),
              kernelSize: size,
              strides,
              padding,
              activation: rng.pick(['linear', 'relu', 'tanh', 'softmax']),
              kernel: { init: 'glorotUniform', seed: rng.int(0, 99) },
              bias: { init: 'heUniform', seed: rng.int(0, 99) },
            },
          }
        : { id: `l${i}`, type: 'MaxPool', params: { poolSize: size, strides, padding } },
    );
  }
  if (rng.chance(0.3))
    nodes.push({ id: 'f', type: 'Flatten' }, { id: 'd', type: 'Dense', params: { units: 3 } });
  const parsed = parseGraph(chain(...nodes));
  if (!parsed.ok) throw new Error(parsed.error);
  return { doc: parsed.value, h, w, c };
}

/** A few cells of the Input, near each other (a dot) or anywhere. */
function cellEdit(rng: Rng, h: number, w: number, c: number): GraphEdit {
  const n = h * w * c;
  const near = rng.chance(0.7) ? rng.int(0, n - 1) : undefined;
  const cells = Array.from({ length: rng.int(1, 4) }, () => ({
    index: near === undefined ? rng.int(0, n - 1) : Math.min(n - 1, near + rng.int(0, 2 * w * c)),
    value: Math.fround(rng.uniform(-3, 3)),
  }));
  return { kind: 'setCells', id: 'x', param: 'tensor', cells };
}

function bits(data: Float32Array | undefined): string {
  return data ? Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('hex') : '-';
}

function expectFreshOutputs(session: EngineSession, where: string) {
  const fresh = new EngineSession();
  fresh.load(session.document);
  fresh.evaluate();
  for (const node of session.document.nodes)
    expect(bits(session.output(node.id)?.data), `${where}: ${node.id}`).toBe(
      bits(fresh.output(node.id)?.data),
    );
}

describe('a cell edit recomputes only the rows it reaches', () => {
  it.each(seeds(40))(
    'seed=%i: every output bit-identical to a fresh session, outputs lent or copied',
    async (seed) => {
      const rng = makeRng(seed);
      const { doc, h, w, c } = randomChain(rng);
      const memory = rng.chance(0.5) ? new SharedOutputs() : undefined;
      const session = new EngineSession(undefined, { memory, ownsDocuments: true });
      session.load(doc);
      let leases: number[] = [];
      // As the engine client does: lend the report's outputs, give the last ones back (or,
      // sometimes, give these back at once, as a page that dropped them would).
      const deliver = (report: ReturnType<EngineSession['evaluate']>) => {
        const wire = toWireReport(report, memory);
        memory?.release(leases);
        leases = wire.outputs.flatMap((o) => (o.lease === undefined ? [] : [o.lease]));
        if (rng.chance(0.2)) {
          memory?.release(leases);
          leases = [];
        }
      };
      deliver(session.evaluate());
      for (let step = 0; step < 12; step++) {
        const edits = Array.from({ length: rng.int(1, 2) }, () => cellEdit(rng, h, w, c));
        // Now and then another kind of edit comes in the same batch, or an activation.
        if (rng.chance(0.15) && doc.nodes.some((n) => n.id === 'l0' && n.type === 'Conv2D'))
          edits.push({ kind: 'setParams', id: 'l0', params: { activation: 'relu' } });
        const where = `seed=${seed} step ${step}: ${JSON.stringify(edits)}`;
        expect(session.apply(edits).ok, where).toBe(true);
        if (rng.chance(0.3)) {
          // A newer edit arrives after the first node: the evaluation gives way, then resumes.
          let pauses = 0;
          const partial = await session.evaluateAsync(async () => {
            if (pauses++ === 0) session.apply([cellEdit(rng, h, w, c)]);
          });
          expect(partial, where).toBeNull();
        }
        deliver(session.evaluate());
        expectFreshOutputs(session, where);
      }
    },
  );
});
