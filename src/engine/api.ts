import type { GraphEdit } from '../graph/edit-apply.ts';
import type { GraphDocument } from '../graph/types.ts';
import { yieldToEventLoop } from './event-loop.ts';
import { EngineSession, type EvaluationReport } from './session.ts';

export { yieldToEventLoop } from './event-loop.ts';

/** What `load` and `apply` answer: the engine's new epoch, or why nothing changed. */
export type ApplyResult = { ok: true; epoch: number } | { ok: false; error: string };

/** One node's output as it crosses the worker boundary; `data` is the engine's own copy. */
export interface WireOutput {
  id: string;
  shape: number[];
  data: Float32Array;
}

/** An EvaluationReport in structured-clone form: arrays instead of maps. */
export interface WireReport {
  epoch: number;
  /** The revision given with the last `load` or `apply` this report reflects. */
  revision: number;
  /** Nodes computed for this report, in topological order. */
  recomputed: string[];
  outputs: WireOutput[];
  /** `[id, ms]` for each recomputed node. */
  timings: [string, number][];
  /** `[id, message]` for every node that currently has an error. */
  errors: [string, string][];
  nodeCount: number;
  elapsedMs: number;
}

/** The engine as the UI sees it, behind the worker boundary. */
export interface EngineApi {
  /**
   * Replace the graph with a document the page checked (`parseGraph`). `revision` is the
   * caller's count for this document; reports echo it.
   */
  load(doc: GraphDocument, revision?: number): ApplyResult;
  /**
   * Apply edits the page checked (`EditOutcome.applied`) atomically; an edit out of step
   * (a missing node) changes nothing. Reports echo `revision`.
   */
  apply(edits: GraphEdit[], revision?: number): ApplyResult;
  /**
   * Recompute what the edits so far made dirty. Resolves to null when a newer edit arrived
   * meanwhile: the caller asks again, and the next report delivers the work done so far.
   */
  evaluate(): Promise<WireReport | null>;
}

/**
 * An engine session behind a message-friendly API. Evaluations run one at a time, each
 * yielding to the event loop between nodes so that `apply` calls are handled promptly.
 * @example
 * const api = createEngineApi();
 * api.load(graph);
 * const report = await api.evaluate(); // every node recomputed
 */
export function createEngineApi(pause: () => Promise<void> = yieldToEventLoop): EngineApi {
  const session = new EngineSession();
  let queue: Promise<unknown> = Promise.resolve();
  return {
    load(doc, revision) {
      return { ok: true, epoch: session.load(doc, revision) };
    },
    apply(edits, revision) {
      const result = session.apply(edits, revision);
      return result.ok ? { ok: true, epoch: result.value } : result;
    },
    evaluate() {
      // A session runs one evaluation at a time; a second caller waits for the first.
      const run = queue.then(() => session.evaluateAsync(pause));
      queue = run.catch(() => undefined);
      return run.then((report) => (report ? toWireReport(report) : null));
    },
  };
}

/** Copies every output, so the copies can be transferred without touching the cache. */
export function toWireReport(report: EvaluationReport): WireReport {
  return {
    epoch: report.epoch,
    revision: report.revision,
    recomputed: [...report.recomputed],
    outputs: [...report.outputs].map(([id, t]) => ({
      id,
      shape: [...t.shape],
      data: t.data.slice(),
    })),
    timings: [...report.timings],
    errors: [...report.errors],
    nodeCount: report.nodeCount,
    elapsedMs: report.elapsedMs,
  };
}

/** The buffers a report can hand over instead of copying. */
export function transferablesOf(report: WireReport): ArrayBuffer[] {
  return report.outputs.map((o) => o.data.buffer as ArrayBuffer);
}
