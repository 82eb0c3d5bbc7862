import { afterAll, describe, expect, it } from 'vitest';
import { EngineSession, type EvaluationReport, type Tensor } from '../../src/engine/index.ts';
import { applyEdits, type GraphEdit } from '../../src/graph/edits.ts';
import type { GraphDocument } from '../../src/graph/index.ts';
import { downstream, randomEditPlan } from './random-edits.ts';
import { randomOracleGraph } from './random-graph.ts';
import { makeRng, seeds } from './rng.ts';

const EDIT_SEQUENCES = 80;
const EDITS_PER_SEQUENCE = 30;
const ASYNC_SEQUENCES = 80;

interface Link {
  source: string;
  target: string;
}

/** What the run exercised, checked at the end so a generator change cannot hollow it out. */
const seen = new Map<string, number>();
const tally = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);

describe('incremental evaluation equals a full recomputation', () => {
  it.each(seeds(EDIT_SEQUENCES))(
    'edits seed=%i: outputs match a fresh session, and each edit recomputes exactly what it touched',
    (seed) => {
      const rng = makeRng(seed);
      const session = start(seed);
      let next = 0;
      const freshId = () => `x${++next}`;
      for (let step = 0; step < EDITS_PER_SEQUENCE; step++) {
        const doc = session.document;
        const epoch = session.currentEpoch;
        const plan = randomEditPlan(rng, doc, freshId);
        const where = `seed=${seed} step ${step}: ${plan.label} ${clip(JSON.stringify(plan.edits))}`;
        const result = applyChecked(session, plan.edits);
        tally(plan.valid ? plan.label : 'invalid');
        if (!plan.valid) {
          expect(result.ok, where).toBe(false);
          expect(session.document, where).toBe(doc);
          expect(session.currentEpoch, where).toBe(epoch);
          const report = session.evaluate();
          expect(report.recomputed, where).toEqual([]);
          expect(report.outputs.size, where).toBe(0);
          continue;
        }
        expect(result, where).toEqual({ ok: true, value: epoch + 1 });
        const expected = expectedRecompute(doc, plan.edits, session.document, where);
        const size = session.document.nodes.length;
        tally(
          expected.size === 0
            ? 'recomputes nothing'
            : expected.size < size
              ? 'recomputes some'
              : 'recomputes all',
        );
        expect(sorted(session.pending), `${where}: pending`).toEqual(sorted(expected));
        const fresh = recompute(session.document);
        expectNothingStale(session, fresh, where);
        const report = session.evaluate();
        expect(sorted(report.recomputed), `${where}: recomputed`).toEqual(sorted(expected));
        expect(report.epoch, where).toBe(epoch + 1);
        expectMatchesFresh(session, report, fresh, where);
      }
    },
  );

  it.each(seeds(ASYNC_SEQUENCES))(
    'async seed=%i: an evaluateAsync superseded mid-way returns null and the next evaluation loses no node',
    async (seed) => {
      const rng = makeRng(seed);
      const session = start(seed);
      let next = 0;
      const freshId = () => `x${++next}`;
      // Nodes recomputed since the last delivered report: every one must be delivered next.
      let owed = new Set<string>();
      const applyPlan = (where: string): boolean => {
        const doc = session.document;
        const plan = randomEditPlan(rng, doc, freshId);
        const ok = applyChecked(session, plan.edits).ok;
        expect(ok, `${where}: ${plan.label}`).toBe(plan.valid);
        if (!ok) return false;
        const ids = new Set(session.document.nodes.map((n) => n.id));
        const touched = expectedRecompute(doc, plan.edits, session.document, where);
        owed = new Set([...owed, ...touched].filter((id) => ids.has(id)));
        expectNothingStale(session, recompute(session.document), `${where}: ${plan.label}`);
        return true;
      };
      applyPlan(`seed=${seed} first edit`);
      let lastEpoch = 0;
      const rounds = rng.int(1, 4);
      for (let round = 0; round < rounds; round++) {
        const where = `seed=${seed} round ${round}`;
        const stopAt = rng.int(1, Math.max(1, session.pending.size));
        let pauses = 0;
        let superseded = false;
        const pause = async () => {
          if (++pauses === stopAt) superseded = applyPlan(`${where} mid-way`);
        };
        const report = await session.evaluateAsync(pause);
        tally(superseded ? 'async: superseded' : pauses > 0 ? 'async: completed' : 'async: idle');
        if (superseded) {
          expect(report, where).toBeNull();
          continue;
        }
        expect(report, where).not.toBeNull();
        expect(sorted(report!.recomputed), `${where}: delivered`).toEqual(sorted(owed));
        expect(report!.epoch, where).toBe(session.currentEpoch);
        expect(report!.epoch, where).toBeGreaterThanOrEqual(lastEpoch);
        expectMatchesFresh(session, report!, recompute(session.document), where);
        lastEpoch = report!.epoch;
        owed = new Set();
      }
      const report = session.evaluate();
      const where = `seed=${seed} final`;
      expect(sorted(report.recomputed), `${where}: delivered`).toEqual(sorted(owed));
      expect(report.epoch, where).toBe(session.currentEpoch);
      expect(report.epoch, where).toBeGreaterThanOrEqual(lastEpoch);
      expectMatchesFresh(session, report, recompute(session.document), where);
    },
  );
});

afterAll(() => {
  // Only meaningful when the whole suite ran, not when one seed is replayed with -t.
  if ((seen.get('invalid') ?? 0) < EDIT_SEQUENCES) return;
  const required = [
    ...['Conv2D', 'MaxPool', 'Flatten', 'Dense', 'Dropout'].map((t) => `setParams ${t}`),
    'tensor data',
    'addNode',
    'addNode+addEdge',
    'removeNode',
    'addEdge',
    'removeEdge',
    'moveNode',
    'batch',
    'recomputes nothing',
    'recomputes some',
    'recomputes all',
    'async: superseded',
    'async: completed',
  ];
  for (const what of required) expect(seen.get(what) ?? 0, what).toBeGreaterThanOrEqual(5);
});

/**
 * Edits as the app makes them: checked against the format on the page (`applyEdits`), then
 * applied by the engine as the checked `applied` edits, without a schema. The engine's
 * document must come out equal to the page's.
 */
function applyChecked(session: EngineSession, edits: readonly GraphEdit[]) {
  const checked = applyEdits(session.document, edits);
  if (!checked.ok) return checked;
  const result = session.apply(checked.value.applied);
  expect(session.document, 'the engine applies the checked edits to the same document').toEqual(
    checked.value.doc,
  );
  return result;
}

/** A session holding the seed's random graph (small inputs, so fresh evaluations are cheap). */
function start(seed: number): EngineSession {
  const session = new EngineSession();
  const loaded = applyChecked(session, [
    { kind: 'load', graph: randomOracleGraph(seed, 10).graph },
  ]);
  if (!loaded.ok) throw new Error(`seed=${seed}: generator made an invalid graph: ${loaded.error}`);
  const report = session.evaluate();
  expect(sorted(report.recomputed)).toEqual(sorted(session.document.nodes.map((n) => n.id)));
  expectMatchesFresh(session, report, recompute(session.document), `seed=${seed} load`);
  return session;
}

/**
 * What an edit must recompute, from the edits and the documents alone: the node a
 * setParams or addNode names, the target of an added or removed edge, the former children
 * of a removed node, then everything downstream of those in the new document. moveNode
 * adds nothing. The edges are replayed here too and must end as the session's.
 */
function expectedRecompute(
  before: GraphDocument,
  edits: readonly GraphEdit[],
  after: GraphDocument,
  where: string,
): Set<string> {
  const ids = new Set(before.nodes.map((n) => n.id));
  let edges: Link[] = before.edges.map(({ source, target }) => ({ source, target }));
  const edited = new Set<string>();
  for (const edit of edits) {
    if (edit.kind === 'setParams') edited.add(edit.id);
    if (edit.kind === 'addNode') {
      const id = (edit.node as { id: string }).id;
      ids.add(id);
      edited.add(id);
    }
    if (edit.kind === 'removeNode') {
      for (const e of edges) if (e.source === edit.id) edited.add(e.target);
      edges = edges.filter((e) => e.source !== edit.id && e.target !== edit.id);
      ids.delete(edit.id);
    }
    if (edit.kind === 'addEdge') {
      edges.push({ source: edit.source, target: edit.target });
      edited.add(edit.target);
    }
    if (edit.kind === 'removeEdge') {
      edges = edges.filter((e) => !(e.source === edit.source && e.target === edit.target));
      edited.add(edit.target);
    }
  }
  expect(sorted(after.nodes.map((n) => n.id)), `${where}: nodes`).toEqual(sorted(ids));
  expect(sorted(after.edges.map(linkName)), `${where}: edges`).toEqual(sorted(edges.map(linkName)));
  return downstream(
    [...edited].filter((id) => ids.has(id)),
    edges,
  );
}

/** A new session's full evaluation of the document: the reference for every comparison. */
function recompute(doc: GraphDocument): { session: EngineSession; report: EvaluationReport } {
  const session = new EngineSession();
  session.load(doc);
  return { session, report: session.evaluate() };
}

/** Before evaluation, a node's cached output is either gone or already what it should be. */
function expectNothingStale(
  session: EngineSession,
  fresh: ReturnType<typeof recompute>,
  where: string,
): void {
  for (const { id } of session.document.nodes) {
    const cached = session.output(id);
    if (cached)
      expectSameTensor(cached, fresh.session.output(id), `${where}: stale output of ${id}`);
  }
}

/** Every node's output and error, bit for bit, against a new session that loads the document. */
function expectMatchesFresh(
  session: EngineSession,
  report: EvaluationReport,
  fresh: ReturnType<typeof recompute>,
  where: string,
): void {
  expect(report.errors, `${where}: errors`).toEqual(fresh.report.errors);
  for (const { id } of session.document.nodes)
    expectSameTensor(session.output(id), fresh.session.output(id), `${where}: output of ${id}`);
  for (const [id, tensor] of report.outputs)
    expectSameTensor(tensor, session.output(id), `${where}: reported output of ${id}`);
  const recomputed = report.recomputed;
  for (const e of session.document.edges) {
    const [s, t] = [recomputed.indexOf(e.source), recomputed.indexOf(e.target)];
    if (s >= 0 && t >= 0)
      expect(s, `${where}: ${e.source} computed after ${e.target}`).toBeLessThan(t);
  }
}

function expectSameTensor(got: Tensor | undefined, want: Tensor | undefined, where: string): void {
  if (!got || !want) {
    expect(got === undefined, `${where}: one side has no output`).toBe(want === undefined);
    return;
  }
  expect([...got.shape], `${where}: shape`).toEqual([...want.shape]);
  // Bitwise: an incremental result must be the same computation, not merely close.
  const a = new Uint32Array(got.data.buffer, got.data.byteOffset, got.data.length);
  const b = new Uint32Array(want.data.buffer, want.data.byteOffset, want.data.length);
  const i = a.findIndex((bits, k) => bits !== b[k]);
  expect(i, `${where}: first differing element (${got.data[i]} vs ${want.data[i]})`).toBe(-1);
  expect(a.length, where).toBe(b.length);
}

function sorted(ids: Iterable<string>): string[] {
  return [...ids].sort();
}

function linkName(e: Link): string {
  return `${e.source}->${e.target}`;
}

function clip(text: string): string {
  return text.length > 240 ? `${text.slice(0, 240)}…` : text;
}
