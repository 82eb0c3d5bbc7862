import { expose, transfer } from 'comlink';
import { createEngineApi, transferablesOf, type EngineApi } from '../src/engine/api.ts';

/** What the page calls: the engine's API, and two ways of telling that this worker lives. */
export interface EngineWorkerApi extends EngineApi {
  /** Answered at once, or between two nodes of an evaluation. */
  ping(): true;
  /** Hold the Web Lock `name` while this worker lives; false where there are no Web Locks. */
  holdLifeline(name: string): Promise<boolean>;
}

// Wiring only: the engine's API, with report tensors moved to the page instead of copied.
const api = createEngineApi();

const exposed: EngineWorkerApi = {
  load: (doc, revision) => api.load(doc, revision),
  apply: (edits, revision) => api.apply(edits, revision),
  evaluate: async () => {
    const report = await api.evaluate();
    return report ? transfer(report, transferablesOf(report)) : null;
  },
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
