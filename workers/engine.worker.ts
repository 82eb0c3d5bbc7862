import { expose, transfer } from 'comlink';
import { createEngineApi, transferablesOf, type EngineApi } from '../src/engine/api.ts';

/** What the page calls: the engine's API, and a way of telling that this worker lives. */
export interface EngineWorkerApi extends EngineApi {
  /** Answered at once, or between two nodes of an evaluation. */
  ping(): true;
}

// Wiring only: the engine's API, with report tensors moved to the page instead of copied.
const api = createEngineApi();

const exposed: EngineWorkerApi = {
  load: (doc) => api.load(doc),
  apply: (edits) => api.apply(edits),
  evaluate: async () => {
    const report = await api.evaluate();
    return report ? transfer(report, transferablesOf(report)) : null;
  },
  ping: () => true,
};

expose(exposed);
