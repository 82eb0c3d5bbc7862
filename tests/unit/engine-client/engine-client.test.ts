import { describe, expect, it } from 'vitest';
import { createEngineApi } from '../../../src/engine/api.ts';
import {
  createEngineClient,
  RESTART_NOTICE,
  type EngineConnection,
  type EngineRemote,
} from '../../../src/engine-client/engine-client.ts';
import { createEditorStore } from '../../../src/state/editor-store.ts';
import { convValidDoc } from '../state/fixtures.ts';

const ACTIVATIONS = ['relu', 'tanh', 'linear'] as const;
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await tick();
}

/** An in-process engine with the worker's asynchrony, counting what it is asked. */
function fakeEngine() {
  const stats = { engines: 0, evaluations: 0, inFlight: 0, maxInFlight: 0, applies: 0 };
  const crashes: ((reason: string) => void)[] = [];
  let breakNext = false;
  function connect(onCrash: (reason: string) => void): EngineConnection {
    stats.engines++;
    crashes.push(onCrash);
    const api = createEngineApi(tick);
    const remote: EngineRemote = {
      load: async (doc) => api.load(doc),
      apply: async (edits) => {
        stats.applies++;
        return api.apply(edits);
      },
      evaluate: async () => {
        if (breakNext) {
          breakNext = false;
          throw new Error('out of memory');
        }
        stats.evaluations++;
        stats.maxInFlight = Math.max(stats.maxInFlight, ++stats.inFlight);
        try {
          return await api.evaluate();
        } finally {
          stats.inFlight--;
        }
      },
    };
    return { remote, terminate: () => undefined };
  }
  return {
    stats,
    connect,
    crash: (reason: string) => crashes.at(-1)?.(reason),
    failNextEvaluation: () => (breakNext = true),
  };
}

function setup(beforeStart: (engine: ReturnType<typeof fakeEngine>) => void = () => {}) {
  const store = createEditorStore(convValidDoc());
  const engine = fakeEngine();
  const client = createEngineClient(store, engine.connect);
  beforeStart(engine);
  client.start();
  return { store, engine, client };
}

const output = (store: ReturnType<typeof setup>['store'], id: string) => [
  ...(store.getState().results.get(id)?.output?.data ?? []),
];

describe('engine client', () => {
  it('loads and computes the document on start', async () => {
    const { store } = setup();
    await settle();
    expect(output(store, 'conv')).toEqual([3, 0, 1, 0, 2, 0, 1, 0, 3]);
    expect(store.getState().status).toMatchObject({ recomputed: 2, nodeCount: 2 });
    expect(store.getState().busy.size).toBe(0);
  });

  it('is ready once the engine has the graph, while the first evaluation still runs', async () => {
    const store = createEditorStore(convValidDoc());
    const engine = fakeEngine();
    let finish = () => {};
    const client = createEngineClient(store, (onCrash) => {
      const c = engine.connect(onCrash);
      const evaluate = c.remote.evaluate;
      // The first evaluation waits until the test lets it finish.
      c.remote.evaluate = () => new Promise((r) => (finish = () => r(evaluate())));
      return c;
    });
    client.start();
    expect(store.getState().engine).toBe('starting');
    await settle();
    expect(store.getState().engine).toBe('ready');
    expect(store.getState().busy.size).toBe(2);
    finish();
    await settle();
    expect(store.getState().busy.size).toBe(0);
  });

  it('sends only downstream work: a conv edit recomputes 1 of 2 nodes', async () => {
    const { store } = setup();
    await settle();
    store.dispatch([{ kind: 'setParams', id: 'conv', params: { padding: 'same' } }]);
    expect(store.getState().busy.has('conv')).toBe(true);
    await settle();
    expect(store.getState().status).toMatchObject({ recomputed: 1, nodeCount: 2 });
    expect(output(store, 'conv')).toEqual([
      0, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 2, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 0,
    ]);
    expect(store.getState().busy.size).toBe(0);
  });

  it('fast typing never builds a backlog: one evaluation in flight, one more after it', async () => {
    const { store, engine } = setup();
    await settle();
    const before = engine.stats.evaluations;
    for (let i = 1; i <= 30; i++) {
      store.dispatch([
        { kind: 'setParams', id: 'conv', params: { activation: ACTIVATIONS[i % 3] } },
      ]);
    }
    await settle();
    expect(engine.stats.maxInFlight).toBe(1);
    expect(engine.stats.applies).toBe(30);
    expect(engine.stats.evaluations - before).toBeLessThanOrEqual(2);
    expect(store.getState().results.get('conv')?.output?.shape).toEqual([3, 3, 1]);
    expect(store.getState().shownRevision).toBe(30);
  });

  it('edits during an evaluation supersede it and the final report reflects the last edit', async () => {
    const { store } = setup();
    store.dispatch([{ kind: 'setParams', id: 'conv', params: { padding: 'same' } }]);
    await tick();
    store.dispatch([{ kind: 'setParams', id: 'conv', params: { padding: 'valid' } }]);
    await settle();
    expect(output(store, 'conv')).toEqual([3, 0, 1, 0, 2, 0, 1, 0, 3]);
    expect(store.getState().busy.size).toBe(0);
  });

  it('a crashed engine is replaced, reloaded with the current graph and recomputed', async () => {
    const { store, engine } = setup();
    await settle();
    store.dispatch([{ kind: 'setParams', id: 'conv', params: { padding: 'same' } }]);
    engine.crash('worker died');
    await settle();
    expect(engine.stats.engines).toBe(2);
    expect(store.getState().notices.map((n) => n.message)).toEqual([RESTART_NOTICE]);
    expect(store.getState().results.get('conv')?.output?.shape).toEqual([5, 5, 1]);
    expect(store.getState().status).toMatchObject({ recomputed: 2, nodeCount: 2 });
    expect(store.getState().busy.size).toBe(0);
  });

  it('a rejected call also restarts the engine', async () => {
    const { store, engine } = setup((e) => e.failNextEvaluation());
    await settle();
    expect(engine.stats.engines).toBe(2);
    expect(output(store, 'conv')).toEqual([3, 0, 1, 0, 2, 0, 1, 0, 3]);
  });

  it('restart on demand recomputes everything', async () => {
    const { store, engine, client } = setup();
    await settle();
    client.restart(RESTART_NOTICE);
    expect(store.getState().busy.size).toBe(2);
    await settle();
    expect(engine.stats.engines).toBe(2);
    expect(store.getState().status).toMatchObject({ recomputed: 2 });
  });

  it('gives up after repeated crashes instead of looping', async () => {
    const { store, engine } = setup();
    for (let i = 0; i < 5; i++) engine.crash('boom');
    await settle();
    expect(engine.stats.engines).toBe(4);
    expect(store.getState().engine).toBe('failed');
    expect(store.getState().notices.at(-1)?.message).toEqual({
      key: 'notice.keepsFailing',
      params: { reason: 'boom' },
    });
  });

  it('after dispose, edits reach no engine', async () => {
    const { store, engine, client } = setup();
    await settle();
    client.dispose();
    store.dispatch([{ kind: 'setParams', id: 'conv', params: { padding: 'same' } }]);
    await settle();
    expect(engine.stats.applies).toBe(0);
  });
});
