import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineSession } from '../../src/engine/session.ts';
import { simdMemoryBytes } from '../../src/engine/wasm/index.ts';
import type { GraphEdit } from '../../src/graph/edits.ts';
import { parseGraph } from '../../src/graph/parse.ts';
import type { GraphDocument } from '../../src/graph/types.ts';
import { nineNodeSlideGraph } from './slide-graph.ts';

/** Whole-engine timings: what a slide evaluation and an edit cost in the worker. */
export interface GraphResult {
  name: string;
  medianMs: number;
  minMs: number;
  note: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function parse(doc: unknown): GraphDocument {
  const parsed = parseGraph(doc);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** Load `doc` into a fresh session and evaluate it in full, `rounds` times after warm-up. */
function fullEvaluations(doc: GraphDocument, rounds: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < rounds + WARM_UP; i++) {
    const start = performance.now();
    const session = new EngineSession();
    session.load(doc);
    session.evaluate();
    if (i >= WARM_UP) times.push(performance.now() - start);
  }
  return times;
}

/** Evaluations before timing: enough for V8 to have compiled the kernels' code. */
const WARM_UP = 50;

/** Every slide preset evaluated in full; the slowest one. */
function slides(rounds: number): GraphResult {
  const dir = join(import.meta.dirname, '../../presets');
  let worst: GraphResult | null = null;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const doc = parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    const times = fullEvaluations(doc, rounds);
    const r = {
      name: 'slide preset, fresh session, full evaluation (slowest preset)',
      medianMs: median(times),
      minMs: Math.min(...times),
      note: `${file}, ${doc.nodes.length} nodes`,
    };
    if (!worst || r.medianMs > worst.medianMs) worst = r;
  }
  return worst!;
}

/** The 9-node slide graph evaluated in full. */
function nineNodes(rounds: number): GraphResult {
  const doc = parse(nineNodeSlideGraph());
  const times = fullEvaluations(doc, rounds);
  return {
    name: '9-node slide graph, fresh session, full evaluation',
    medianMs: median(times),
    minMs: Math.min(...times),
    note: 'pipeline preset + Conv2D → Flatten branch (tests/bench/slide-graph.ts)',
  };
}

const PIPELINE = 'Input 224×224×3 → Conv2D 16 → MaxPool → Conv2D 32 (3×3 same, relu)';
const SIDE = 224;

/** The pipeline graph in a session, evaluated once. */
function pipelineSession(): EngineSession {
  const data = Array.from({ length: SIDE * SIDE * 3 }, (_, i) => ((i * 7919) % 255) / 255);
  const node = (id: string, type: string, params: object) => ({
    id,
    type,
    position: { x: 0, y: 0 },
    params,
  });
  const conv = (filters: number) => ({
    filters,
    kernelSize: [3, 3],
    padding: 'same',
    activation: 'relu',
  });
  const session = new EngineSession(undefined, { ownsDocuments: true });
  session.load(
    parse({
      format: 'convflow-graph',
      version: 1,
      nodes: [
        node('in', 'Input', { tensor: { shape: [SIDE, SIDE, 3], data } }),
        node('c1', 'Conv2D', conv(16)),
        node('p', 'MaxPool', {}),
        node('c2', 'Conv2D', conv(32)),
      ],
      edges: [
        { source: 'in', target: 'c1' },
        { source: 'c1', target: 'p' },
        { source: 'p', target: 'c2' },
      ],
    }),
  );
  session.evaluate();
  return session;
}

/**
 * The pipeline edited `rounds × 3` times, re-evaluated each time: a new kernel for c1 (every
 * node below it recomputed whole), or one pixel of the Input (its 3 values, as a drawing-pad
 * dot sends them; each node recomputes only the rows the pixel reaches).
 */
function editPipeline(rounds: number, what: 'kernel' | 'pixel'): GraphResult {
  const session = pipelineSession();
  const times: number[] = [];
  let recomputed = '';
  const before = simdMemoryBytes();
  for (let i = 0; i < rounds * 3 + 3; i++) {
    const pixel = ((i * 7919) % (SIDE * SIDE)) * 3;
    const edit: GraphEdit =
      what === 'kernel'
        ? { kind: 'setParams', id: 'c1', params: { kernel: { init: 'glorotUniform', seed: i } } }
        : {
            kind: 'setCells',
            id: 'in',
            param: 'tensor',
            cells: [0, 1, 2].map((c) => ({ index: pixel + c, value: (i % 7) / 7 })),
          };
    const start = performance.now();
    session.apply([edit]);
    const report = session.evaluate();
    if (i >= 3) times.push(performance.now() - start);
    recomputed = report.recomputed.join(', ');
  }
  return {
    name:
      what === 'kernel'
        ? `edit → result: ${PIPELINE}, a new c1 kernel`
        : `edit → result: ${PIPELINE}, one Input pixel`,
    medianMs: median(times),
    minMs: Math.min(...times),
    note: `recomputes ${recomputed}; kernel memory ${before} → ${simdMemoryBytes()} bytes over ${times.length + 3} edits`,
  };
}

export function graphResults(rounds: number): GraphResult[] {
  return [
    nineNodes(rounds),
    slides(rounds),
    editPipeline(rounds, 'kernel'),
    editPipeline(rounds, 'pixel'),
  ];
}
