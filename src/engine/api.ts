import type { GraphEdit } from '../graph/edit-apply.ts';
import type { GraphDocument } from '../graph/types.ts';
import { yieldToEventLoop } from './event-loop.ts';
import { now } from './clock.ts';
import { EngineSession, type EvaluationReport, type SessionOptions } from './session.ts';
import type { SharedOutputs } from './shared-outputs.ts';

export { yieldToEventLoop } from './event-loop.ts';

/** What `load` and `apply` answer: the engine's new epoch, or why nothing changed. */
export type ApplyResult = { ok: true; epoch: number } | { ok: false; error: string };

/**
 * One node's output as it crosses the worker boundary. `data` is a copy the page now owns, or,
 * with a `lease`, the engine's own array in shared memory: read it, never write it, and give
 * the lease back (`EngineApi.release`) once a newer output replaced it.
 */
export interface WireOutput {
  id: string;
  shape: number[];
  data: Float32Array;
  lease?: number;
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
  /** The page no longer reads these outputs (`WireOutput.lease`): their memory may be reused. */
  release(leases: number[]): void;
}

export interface EngineApiOptions extends SessionOptions {
  memory?: SharedOutputs;
  /** Turn the event loop between nodes only once this long has passed since the last turn. */
  yieldEveryMs?: number;
}

/**
 * An engine session behind a message-friendly API. Evaluations run one at a time, each
 * yielding to the event loop between nodes so that `apply` calls are handled promptly;
 * with `yieldEveryMs`, only once that long has passed since the last yield. With `memory`,
 * reports lend outputs in shared memory instead of copying them (shared-outputs.ts).
 * @example
 * const api = createEngineApi();
 * api.load(graph);
 * const report = await api.evaluate(); // every node recomputed
 */
export function createEngineApi(
  pause: () => Promise<void> = yieldToEventLoop,
  options: EngineApiOptions = {},
): EngineApi {
  const { memory: shared, yieldEveryMs = 0 } = options;
  const session = new EngineSession(undefined, options);
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
      const run = queue.then(() => session.evaluateAsync(paced(pause, yieldEveryMs)));
      queue = run.catch(() => undefined);
      return run.then((report) => (report ? toWireReport(report, shared) : null));
    },
    release(leases) {
      shared?.release(leases);
    },
  };
}

/**
 * `pause`, but only once `everyMs` have passed since the last one (or the start): a turn of
 * a worker's event loop costs 0.1–0.2 ms, more than a small node, and edits can wait a few
 * milliseconds to be seen.
 */
function paced(pause: () => Promise<void>, everyMs: number): () => Promise<void> {
  if (everyMs <= 0) return pause;
  let since = now();
  return async () => {
    if (now() - since < everyMs) return;
    await pause();
    since = now();
  };
}

/**
 * Every output ready to cross: lent where it lies in shared memory (with `shared`), else
 * copied, so the copy can be transferred without touching the cache.
 */
export function toWireReport(report: EvaluationReport, shared?: SharedOutputs): WireReport {
  return {
    epoch: report.epoch,
    revision: report.revision,
    recomputed: [...report.recomputed],
    outputs: [...report.outputs].map(([id, t]) => {
      const lease = shared?.lend(t.data) ?? null;
      const shape = [...t.shape];
      return lease === null
        ? { id, shape, data: t.data.slice() }
        : { id, shape, data: t.data, lease };
    }),
    timings: [...report.timings],
    errors: [...report.errors],
    nodeCount: report.nodeCount,
    elapsedMs: report.elapsedMs,
  };
}

/** The buffers a report can hand over instead of copying (shared ones are not moved). */
export function transferablesOf(report: WireReport): ArrayBuffer[] {
  return report.outputs
    .filter((o) => o.lease === undefined)
    .map((o) => o.data.buffer as ArrayBuffer);
}
