import { toWireReport, type WireReport } from '../../src/engine/api.ts';
import { EngineSession } from '../../src/engine/session.ts';
import { SharedOutputs } from '../../src/engine/shared-outputs.ts';
import type { GraphEdit } from '../../src/graph/edits.ts';
import { parseGraph } from '../../src/graph/parse.ts';
import type { GraphDocument } from '../../src/graph/types.ts';
import type { BenchCase } from './cases.ts';
import type { Implementation } from './peers.ts';
import { nineNodeSlideGraph } from './slide-graph.ts';

/** The layer's id in a case's graph. */
const LAYER = 'layer';

/** Milliseconds of each part of an edit, one entry per call. */
export type EditPhases = Record<'apply' | 'evaluate' | 'copy', number[]>;

const node = (id: string, type: string, x: number, params?: object) => ({
  id,
  type,
  position: { x, y: 0 },
  ...(params && { params }),
});

/** `{shape, data}` with plain numbers, as a file or a link carries a tensor. */
const tensorOf = (shape: number[], data: Float32Array) => ({ shape, data: Array.from(data) });

/** An Input's [H, W, C] for Dense's input units: 9216 = 96×96×1 (C is at most 4,096). */
function denseInputShape(units: number): number[] {
  const side = Math.round(Math.sqrt(units));
  return side * side === units ? [side, side, 1] : [1, 1, units];
}

/**
 * A case as a graph document: an Input holding the case's input tensor → the layer, with the
 * case's kernel and bias as explicit tensors (the same values the other runners use).
 * Activation linear, as the peers run it. Dense reads Input 96×96×1 → Flatten, as in the
 * issue; an edit of the Dense recomputes only the Dense.
 */
export function layerGraph(c: BenchCase): unknown {
  const input =
    c.kind === 'dense'
      ? tensorOf(denseInputShape(c.inUnits), c.x)
      : tensorOf([c.g.inH, c.g.inW, c.g.inC], c.x);
  const layer =
    c.kind === 'pool'
      ? node(LAYER, 'MaxPool', 360, { poolSize: [c.g.kh, c.g.kw], padding: 'valid' })
      : c.kind === 'conv'
        ? node(LAYER, 'Conv2D', 360, {
            filters: c.filters,
            kernelSize: [c.g.kh, c.g.kw],
            padding: 'same',
            activation: 'linear',
            kernel: tensorOf([c.g.kh, c.g.kw, c.g.inC, c.filters], c.kernel),
            bias: tensorOf([c.filters], c.bias),
          })
        : node(LAYER, 'Dense', 360, {
            units: c.units,
            activation: 'linear',
            kernel: tensorOf([c.inUnits, c.units], c.kernel),
            bias: tensorOf([c.units], c.bias),
          });
  const head = [node('in', 'Input', 0, { tensor: input })];
  if (c.kind === 'dense') head.push(node('flat', 'Flatten', 180));
  return {
    format: 'convflow-graph',
    version: 1,
    nodes: [...head, layer],
    edges: head.map((n, i) => ({ source: n.id, target: head[i + 1]?.id ?? LAYER })),
  };
}

function parse(doc: unknown): GraphDocument {
  const parsed = parseGraph(doc);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/**
 * A session with `doc` loaded and evaluated once; `edit(i)` gives the i-th edit. Each call
 * applies one edit, evaluates, and readies the report's outputs for the page as the worker
 * does (`toWireReport`): what one edit costs the worker, message handling aside. `shared`:
 * as in a cross-origin isolated page, outputs are lent in shared memory, and the page's
 * lease on the previous report's is given back (`release`), as the engine client does;
 * else each output is copied for transfer.
 */
function editLoop(
  doc: GraphDocument,
  edit: (i: number) => GraphEdit,
  recomputes: string[],
  shared: boolean,
) {
  const memory = shared ? new SharedOutputs() : undefined;
  const session = new EngineSession(undefined, { memory, ownsDocuments: true });
  session.load(doc);
  session.evaluate();
  const phases: EditPhases = { apply: [], evaluate: [], copy: [] };
  let calls = 0;
  let last: WireReport | null = null;
  let leases: number[] = [];
  const run = (): WireReport => {
    const t0 = performance.now();
    const applied = session.apply([edit(calls++)]);
    const t1 = performance.now();
    const report = session.evaluate();
    const t2 = performance.now();
    last = toWireReport(report, memory);
    memory?.release(leases);
    leases = last.outputs.flatMap((o) => (o.lease === undefined ? [] : [o.lease]));
    const t3 = performance.now();
    if (!applied.ok) throw new Error(applied.error);
    phases.apply.push(t1 - t0);
    phases.evaluate.push(t2 - t1);
    phases.copy.push(t3 - t2);
    return last;
  };
  // Untimed: the edit must have recomputed exactly what it claims, without errors.
  const verify = () => {
    const got = last?.recomputed.join() ?? '';
    if (got !== recomputes.join() || last?.errors.length)
      throw new Error(`the edit recomputed [${got}], errors ${JSON.stringify(last?.errors)}`);
  };
  const dispose = () =>
    void session.load(parse({ format: 'convflow-graph', version: 1, nodes: [], edges: [] }));
  return { run, verify, phases, dispose, calls: () => calls };
}

/**
 * The whole edit a user waits for in the worker, on a one-layer graph in an `EngineSession`:
 * `apply` a `setParams`, `evaluate`, ready the outputs for the page (`toWireReport`).
 * `engine edit` copies each output for transfer, as the worker does on a page served without
 * cross-origin isolation (issue 11's edit column); `engine edit, lent` lends it in shared
 * memory, as on an isolated page (how `vite` serves the app). Conv2D and Dense toggle
 * `activation` linear ↔ relu: after the first toggle the session keeps the layer's sums and
 * applies only the activation (engine/pre-activations.ts). `engine edit, new bias` is an edit
 * the layer must be run again for: the first bias value typed alternately one higher and back
 * (a `setCells`, as the bias grid sends it), the output copied for transfer.
 * MaxPool has no activation: each edit re-sets `padding` to the value it has, which the
 * session takes as an edit of the pool (verified: the report must say it recomputed the pool).
 */
export const engineEdit: Implementation = editImplementation('engine edit', 'activation', false);
export const engineEditLent: Implementation = editImplementation(
  'engine edit, lent',
  'activation',
  true,
);
export const engineEditBias: Implementation = editImplementation(
  'engine edit, new bias',
  'bias',
  false,
);

function editImplementation(
  name: string,
  what: 'activation' | 'bias',
  shared: boolean,
): Implementation {
  return {
    name,
    async prepare(c) {
      const edit = (i: number): GraphEdit =>
        c.kind === 'pool'
          ? { kind: 'setParams', id: LAYER, params: { padding: 'valid' } }
          : what === 'bias'
            ? {
                kind: 'setCells',
                id: LAYER,
                param: 'bias',
                cells: [{ index: 0, value: c.bias[0]! + (i % 2 ? 0 : 1) }],
              }
            : { kind: 'setParams', id: LAYER, params: { activation: i % 2 ? 'linear' : 'relu' } };
      const loop = editLoop(parse(layerGraph(c)), edit, [LAYER], shared);
      // Whether the last call left the odd state: relu, or the first bias one higher.
      const odd = () => c.kind !== 'pool' && loop.calls() % 2 === 1;
      const units = c.kind === 'conv' ? c.filters : c.kind === 'dense' ? c.units : 1;
      const expected = (reference: Float32Array) =>
        !odd()
          ? reference
          : what === 'bias'
            ? reference.map((v, i) => (i % units === 0 ? v + 1 : v))
            : reference.map((v) => Math.max(0, v));
      return {
        run: () => loop.run().outputs[0]?.data ?? new Float32Array(0),
        after: loop.verify,
        expected,
        phases: () => loop.phases,
        // Measured: a slide-sized edit takes ~2,000 calls to settle (97 → 12 µs on 5×5×1→1).
        warmupCalls: 3000,
        dispose: loop.dispose,
      };
    },
  };
}

/** What an edit costs the session on a graph whose kernels take next to nothing. */
export interface FixedCostResult {
  name: string;
  medianMs: number;
  minMs: number;
  /** Medians of apply, evaluate and the copy. */
  phasesMs: { apply: number; evaluate: number; copy: number };
  note: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function fixedCost(name: string, note: string, loop: ReturnType<typeof editLoop>) {
  const WARM_UP = 3000;
  const SAMPLES = 3000;
  const total: number[] = [];
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    const start = performance.now();
    loop.run();
    if (i >= WARM_UP) total.push(performance.now() - start);
    loop.verify();
  }
  const last = (xs: number[]) => median(xs.slice(-SAMPLES));
  loop.dispose();
  return {
    name,
    medianMs: median(total),
    minMs: Math.min(...total),
    phasesMs: {
      apply: last(loop.phases.apply),
      evaluate: last(loop.phases.evaluate),
      copy: last(loop.phases.copy),
    },
    note,
  };
}

/**
 * The session's own cost per edit: the README's tiny graph (Input 3×3×1 → MaxPool 2×2, one
 * output value), its pool's `padding` re-set; and the 9-node slide graph, its last Dense's
 * activation toggled softmax ↔ linear (one node of 9 recomputed, 2 values).
 */
export function editFixedCosts(): FixedCostResult[] {
  const tiny = parse({
    format: 'convflow-graph',
    version: 1,
    nodes: [
      node('x', 'Input', 0, { tensor: { shape: [3, 3, 1], data: [1, 2, 3, 4, 5, 6, 7, 8, 9] } }),
      node('pool', 'MaxPool', 300),
    ],
    edges: [{ source: 'x', target: 'pool' }],
  });
  const repad: GraphEdit = { kind: 'setParams', id: 'pool', params: { padding: 'valid' } };
  const slides = parse(nineNodeSlideGraph());
  const toggle = (i: number): GraphEdit => ({
    kind: 'setParams',
    id: 'dense2',
    params: { activation: i % 2 ? 'softmax' : 'linear' },
  });
  return [
    fixedCost(
      'edit, tiny graph: Input 3×3×1 → MaxPool 2×2, re-set padding',
      'recomputes pool (1 value)',
      editLoop(tiny, () => repad, ['pool'], false),
    ),
    fixedCost(
      'edit, 9-node slide graph: last Dense activation softmax ↔ linear',
      'recomputes dense2 (2 values)',
      editLoop(slides, toggle, ['dense2'], false),
    ),
  ];
}
