import { expose, transfer } from 'comlink';
import { createEngineApi, transferablesOf, type EngineApi } from '../src/engine/api.ts';

// Wiring only: the engine's API, with report tensors moved to the page instead of copied.
const api = createEngineApi();

const exposed: EngineApi = {
  load: (doc) => api.load(doc),
  apply: (edits) => api.apply(edits),
  evaluate: async () => {
    const report = await api.evaluate();
    return report ? transfer(report, transferablesOf(report)) : null;
  },
};

expose(exposed);
