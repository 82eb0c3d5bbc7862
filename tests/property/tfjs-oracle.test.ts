import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineSession } from '../../src/engine/index.ts';
import { parseGraph } from '../../src/graph/index.ts';
import { randomOracleGraph } from './random-graph.ts';
import { seeds } from './rng.ts';
import { referenceOutputs, useTfjsCpu } from './tfjs-reference.ts';

/** Graphs per run; each seed is its own test, so `-t "seed=17:"` replays one. */
const GRAPHS = 1000;

/**
 * abs 1e-4 + rel 1e-4. The engine accumulates each dot product in float64 and rounds once;
 * tfjs accumulates in float32 in its own order, so the two differ by about
 * (terms)·2^-24·Σ|term|. The generator scales weights by 1/√fanIn, which keeps values O(1)
 * and that difference near 1e-6 even for Dense over 40·40·5 inputs, while a wrong index,
 * padding offset, bias or activation moves outputs by far more than 1e-4.
 */
const ABS = 1e-4;
const REL = 1e-4;

const seen = new Map<string, number>();
const tally = (feature: string) => seen.set(feature, (seen.get(feature) ?? 0) + 1);

beforeAll(useTfjsCpu);

describe('engine against TensorFlow.js (cpu)', () => {
  it.each(seeds(GRAPHS))(
    'graph seed=%i: every node matches tfjs, or both say it cannot run',
    (seed) => {
      const { graph, features } = randomOracleGraph(seed);
      const parsed = parseGraph(graph);
      if (!parsed.ok) throw new Error(`generator made an invalid document: ${parsed.error}`);
      const doc = parsed.value;
      const expected = referenceOutputs(doc);
      const session = new EngineSession();
      session.load(doc);
      const report = session.evaluate();

      expect(new Set(report.recomputed)).toEqual(new Set(doc.nodes.map((n) => n.id)));
      for (const node of doc.nodes) {
        const want = expected.get(node.id)!;
        const where = `seed=${seed} node ${node.id} (${node.type} ${JSON.stringify(summary(node.params))})`;
        if (!want.ok) {
          tally('node error');
          tally(`node error: ${want.reason}`);
          expect(report.errors.has(node.id), `${where}: expected an error (${want.reason})`).toBe(
            true,
          );
          expect(report.outputs.has(node.id), `${where}: has an output`).toBe(false);
          continue;
        }
        expect(report.errors.get(node.id), `${where}: unexpected error`).toBeUndefined();
        const got = report.outputs.get(node.id);
        expect(got, `${where}: no output`).toBeDefined();
        expect([...got!.shape], `${where}: shape`).toEqual(want.shape);
        expect(report.shapes.get(node.id), `${where}: inferred shape`).toMatchObject({
          shape: want.shape,
        });
        const bad = firstMismatch(got!.data, want.data);
        expect(bad, `${where}: value`).toBeNull();
      }
      for (const f of features) tally(f);
      tally([...expected.values()].every((e) => e.ok) ? 'graph: all ok' : 'graph: some error');
    },
  );
});

afterAll(() => {
  // The suite only proves what its graphs exercise: make a generator change that drops a
  // case fail loudly instead of passing quietly.
  const required = [
    'conv',
    'conv:even-kernel',
    'conv:non-square-kernel',
    'conv:stride>1',
    'padding:valid',
    'padding:same',
    ...['linear', 'relu', 'sigmoid', 'tanh', 'softmax'].map((a) => `activation:${a}`),
    'maxPool',
    'flatten',
    'dense:rank1',
    'dense:rank3',
    'dropout:training',
    'dropout:inference',
    ...['glorotUniform', 'heUniform', 'zeros', 'ones'].map((i) => `init:${i}`),
    'branch',
    'graph: all ok',
    'node error: window larger than input',
    'node error: rank-1 input',
    'node error: channel mismatch',
    'node error: input units mismatch',
    'node error: its input has an error',
  ];
  // Only meaningful when the whole suite ran, not when one seed is replayed with -t.
  if (seen.size === 0 || (seen.get('conv') ?? 0) < GRAPHS / 4) return;
  for (const feature of required) expect(seen.get(feature) ?? 0, feature).toBeGreaterThanOrEqual(5);
});

/** The first index where the two differ beyond tolerance, with both values; null if none. */
function firstMismatch(got: Float32Array, want: Float32Array): string | null {
  if (got.length !== want.length) return `length ${got.length} vs ${want.length}`;
  for (let i = 0; i < got.length; i++) {
    if (!(Math.abs(got[i] - want[i]) <= ABS + REL * Math.abs(want[i])))
      return `[${i}] engine ${got[i]} vs tfjs ${want[i]}`;
  }
  return null;
}

/** Params without weight data, for a readable failure message. */
function summary(params: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      v && typeof v === 'object' && 'data' in v ? { shape: (v as { shape: unknown }).shape } : v,
    ]),
  );
}
