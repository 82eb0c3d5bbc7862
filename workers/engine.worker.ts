import { expose, transfer } from 'comlink';
import { createEngineApi, transferablesOf, type EngineApi } from '../src/engine/api.ts';
import { canShareOutputs, SharedOutputs } from '../src/engine/shared-outputs.ts';

/** What the page calls: the engine's API, and two ways of telling that this worker lives. */
export interface EngineWorkerApi extends EngineApi {
  /** Answered at once, or between two nodes of an evaluation. */
  ping(): true;
  /** Hold the Web Lock `name` while this worker lives; false where there are no Web Locks. */
  holdLifeline(name: string): Promise<boolean>;
}

const YIELD_EVERY_MS = 4;

// Wiring only: the engine's API. Report tensors are read by the page in shared memory where
// the page is cross-origin isolated, else copied and moved to it.
// Between nodes the worker turns its event loop (for new edits and pings) at most every 4 ms.
const api = createEngineApi(undefined, {
  memory: canShareOutputs() ? new SharedOutputs() : undefined,
  yieldEveryMs: YIELD_EVERY_MS,
  // What the page sends arrives as copies: the engine's own documents.
  ownsDocuments: true,
});

const exposed: EngineWorkerApi = {
  load: (doc, revision) => api.load(doc, revision),
  apply: (edits, revision) => api.apply(edits, revision),
  evaluate: async () => {
    const report = await api.evaluate();
    return report ? transfer(report, transferablesOf(report)) : null;
  },
  release: (leases) => api.release(leases),
  ping: () => true,
  holdLifeline: (name) =>
    new Promise((held) => {
      if (!('locks' in navigator)) return held(false);
      navigator.locks
        .request(name, () => {
          held(true);
          // Never settles: the lock goes only with this worker, however it ends.
          return new Promise<never>(() => {});
        })
        .catch(() => held(false)); // refused, or stolen later (then this is a no-op)
    }),
};

expose(exposed);
