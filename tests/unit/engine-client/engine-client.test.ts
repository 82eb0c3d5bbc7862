import { describe, expect, it } from 'vitest';
import { createEngineApi } from '../../../src/engine/api.ts';
import { SharedOutputs } from '../../../src/engine/shared-outputs.ts';
import { parseGraph } from '../../../src/graph/parse.ts';
import {
  createEngineClient,
  RESTART_NOTICE,
  SILENT_RESTART_NOTICE,
  type EngineConnection,
  type EngineRemote,
} from '../../../src/engine-client/engine-client.ts';
import { BUSY_LIMIT, type Every } from '../../../src/engine-client/watchdog.ts';
import { createEditorStore } from '../../../src/state/editor-store.ts';
import { convValidDoc } from '../state/fixtures.ts';
import { chain, inputNode, tensorValue } from '../helpers.ts';

const ACTIVATIONS = ['relu', 'tanh', 'linear'] as const;
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await tick();
}

const never = <T>() => new Promise<T>(() => {});

/**
 * An in-process engine with the worker's asynchrony, counting what it is asked. `close()`
 * makes the latest one silent for good, like a worker after `self.close()`; `longNode()`
 * makes the next evaluation stop inside a node, answering nothing sent after it (a worker
 * handles messages in order) until the returned function ends the node.
 */
function fakeEngine() {
  const stats = { engines: 0, evaluations: 0, inFlight: 0, maxInFlight: 0, applies: 0, pings: 0 };
  const crashes: ((reason: string) => void)[] = [];
  const closers: (() => void)[] = [];
  let breakNext = false;
  let longNext = false;
  let node: Promise<void> = Promise.resolve();
  let endNode = () => {};
  let silentNext = false;
  let reportsDeath = false;
  const memories: SharedOutputs[] = [];
  function connect(onCrash: (reason: string) => void): EngineConnection {
    stats.engines++;
    crashes.push(onCrash);
    let closed = silentNext;
    closers.push(() => (closed = true));
    const answer = async <T>(work: () => T | Promise<T>): Promise<T> => {
      if (closed) return never();
      await node;
      return closed ? never() : work();
    };
    const memory = new SharedOutputs();
    memories.push(memory);
    const api = createEngineApi(tick, { memory });
    const remote: EngineRemote = {
      load: (doc, revision) => answer(() => api.load(doc, revision)),
      apply: (edits, revision) =>
        answer(() => {
          stats.applies++;
          return api.apply(edits, revision);
        }),
      evaluate: () =>
        answer(async () => {
          if (breakNext) {
            breakNext = false;
            throw new Error('out of memory');
          }
          stats.evaluations++;
          stats.maxInFlight = Math.max(stats.maxInFlight, ++stats.inFlight);
          if (longNext) {
            longNext = false;
            node = new Promise<void>((resolve) => (endNode = resolve));
            await node;
          }
          try {
            return await api.evaluate();
          } finally {
            stats.inFlight--;
          }
        }),
      ping: () => answer(() => (stats.pings++, true as const)),
      release: (leases) => answer(() => api.release(leases)),
    };
    return { remote, terminate: () => undefined, reportsDeath: () => reportsDeath };
  }
  return {
    stats,
    connect,
    /** The latest engine's shared outputs. */
    memory: () => memories.at(-1)!,
    crash: (reason: string) => crashes.at(-1)?.(reason),
    failNextEvaluation: () => (breakNext = true),
    close: () => closers.at(-1)?.(),
    longNode: () => {
      longNext = true;
      return () => endNode();
    },
    /** The next engine answers nothing, like a worker whose script is still downloading. */
    startSilent: () => (silentNext = true),
    /** As a worker holding a Web Lock while it lives: its death would be reported. */
    withLifeline: () => (reportsDeath = true),
  };
}

/** The watchdog's timer, advanced by hand: one tick is PING_INTERVAL_MS (500 ms). */
function manualTimer() {
  const running = new Set<() => void>();
  const every: Every = (_ms, tick) => {
    running.add(tick);
    return () => running.delete(tick);
  };
  async function advance(ticks: number): Promise<void> {
    for (let i = 0; i < ticks; i++) {
      for (const t of [...running]) t();
      await tick();
    }
    await settle();
  }
  return { every, advance, running: () => running.size };
}

function setup(beforeStart: (engine: ReturnType<typeof fakeEngine>) => void = () => {}) {
  const store = createEditorStore(convValidDoc());
  const engine = fakeEngine();
  const timer = manualTimer();
  const client = createEngineClient(store, engine.connect, { every: timer.every });
  beforeStart(engine);
  client.start();
  return { store, engine, client, timer };
}

const output = (store: ReturnType<typeof setup>['store'], id: string) => [
  ...(store.getState().results.get(id)?.output?.data ?? []),
];

/** Input 64×64×1 → Conv2D 1 (3×3 same): both outputs (4,096 values) are shared. */
function sharedDoc() {
  const data = Array.from({ length: 64 * 64 }, (_, i) => ((i * 13) % 17) / 8 - 1);
  const parsed = parseGraph(
    chain(inputNode('in', tensorValue([64, 64, 1], data)), {
      id: 'conv',
      type: 'Conv2D',
      params: { filters: 1, kernelSize: [3, 3], padding: 'same' },
    }),
  );
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

describe('engine client', () => {
  it('gives shared outputs back once newer ones replace them, and for removed nodes', async () => {
    const store = createEditorStore(sharedDoc());
    const engine = fakeEngine();
    createEngineClient(store, engine.connect, { every: manualTimer().every }).start();
    await settle();
    const first = store.getState().results.get('conv')!.output!;
    expect(first.lease).toBeDefined();
    for (let i = 0; i < 12; i++) {
      const activation = ACTIVATIONS[i % 3]!;
      store.dispatch([{ kind: 'setParams', id: 'conv', params: { activation } }]);
      if (i % 4 === 3) await settle();
    }
    await settle();
    // Only what the store shows is still lent: the Input's output and conv's latest (what it
    // showed just before is given back at the report after, which has come).
    expect(engine.memory().counts.lent).toBe(2);
    expect(engine.memory().counts.free).toBeGreaterThan(0);
    const shown = store.getState().results.get('conv')!.output!;
    expect(shown.lease).not.toBe(first.lease);
    const fresh = createEngineApi(async () => undefined);
    fresh.load(store.getState().doc);
    const expected = (await fresh.evaluate())!.outputs.find((o) => o.id === 'conv')!.data;
    expect(Array.from(shown.data)).toEqual(Array.from(expected));

    store.dispatch([{ kind: 'removeNode', id: 'conv' }]);
    store.dispatch([
      { kind: 'setCells', id: 'in', param: 'tensor', cells: [{ index: 0, value: 2 }] },
    ]);
    await settle();
    expect(engine.memory().counts.lent).toBe(1);
  });

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

describe('engine client watchdog', () => {
  it('an engine closed, then edited, is restarted within 3 ticks (1.5 s) with the edited graph', async () => {
    const { store, engine, timer } = setup();
    await settle();
    await timer.advance(2); // pinged and answered
    const pings = engine.stats.pings;
    expect(pings).toBeGreaterThan(0);
    engine.close();
    // An edit the dead engine never sees. Its evaluation is in flight, but the ping sent just
    // before it is one that a live engine answers before starting to evaluate.
    store.dispatch([{ kind: 'setParams', id: 'conv', params: { padding: 'same' } }]);
    await timer.advance(2);
    expect(engine.stats.engines).toBe(1);
    await timer.advance(1);
    expect(engine.stats.engines).toBe(2);
    expect(store.getState().notices.map((n) => n.message)).toEqual([SILENT_RESTART_NOTICE]);
    expect(store.getState().results.get('conv')?.output?.shape).toEqual([5, 5, 1]);
    expect(store.getState().status).toMatchObject({ recomputed: 2, nodeCount: 2 });
    expect(store.getState().busy.size).toBe(0);
    expect(store.getState().engine).toBe('ready');
    // Only the new engine is pinged now, and it answers.
    expect(timer.running()).toBe(1);
    await timer.advance(10);
    expect(engine.stats.engines).toBe(2);
    expect(engine.stats.pings).toBeGreaterThan(pings);
  });

  it('an engine inside a long node (5 s, no answers) is not restarted and delivers', async () => {
    const { store, engine, timer } = setup();
    await settle();
    const endNode = engine.longNode();
    store.dispatch([{ kind: 'setParams', id: 'conv', params: { padding: 'same' } }]);
    await timer.advance(10);
    expect(engine.stats.engines).toBe(1);
    expect(store.getState().busy.has('conv')).toBe(true);
    endNode();
    await timer.advance(4);
    expect(engine.stats.engines).toBe(1);
    expect(store.getState().notices).toEqual([]);
    expect(store.getState().status).toMatchObject({ recomputed: 1, nodeCount: 2 });
    expect(store.getState().results.get('conv')?.output?.shape).toEqual([5, 5, 1]);
  });

  it('without a lifeline, an evaluation silent for 30 s is given up and restarted', async () => {
    const { store, engine, timer } = setup();
    await settle();
    engine.longNode(); // never ends: indistinguishable, by messages, from a dead engine
    store.dispatch([{ kind: 'setParams', id: 'conv', params: { padding: 'same' } }]);
    await settle();
    await timer.advance(BUSY_LIMIT);
    expect(engine.stats.engines).toBe(1);
    await timer.advance(1);
    expect(engine.stats.engines).toBe(2);
    expect(store.getState().notices.map((n) => n.message)).toEqual([SILENT_RESTART_NOTICE]);
  });

  it('with a lifeline, a long node is never killed for its silence (2 min)', async () => {
    const { store, engine, timer } = setup((e) => e.withLifeline());
    await settle();
    engine.longNode();
    store.dispatch([{ kind: 'setParams', id: 'conv', params: { padding: 'same' } }]);
    await timer.advance(4 * BUSY_LIMIT);
    expect(engine.stats.engines).toBe(1);
    expect(store.getState().notices).toEqual([]);
  });

  it('an engine closed while idle is restarted within 4 ticks (2 s)', async () => {
    const { store, engine, timer } = setup();
    await settle();
    await timer.advance(1);
    engine.close();
    await timer.advance(3);
    expect(engine.stats.engines).toBe(1);
    await timer.advance(1);
    expect(engine.stats.engines).toBe(2);
    expect(store.getState().status).toMatchObject({ recomputed: 2, nodeCount: 2 });
  });

  it('a long first evaluation, or a slow download (5 s), is not taken for death', async () => {
    const first = setup((e) => e.longNode());
    await first.timer.advance(10);
    expect(first.engine.stats.engines).toBe(1);
    expect(first.store.getState().engine).toBe('ready');
    const download = setup((e) => e.startSilent());
    await download.timer.advance(10);
    expect(download.engine.stats.engines).toBe(1);
    expect(download.store.getState().engine).toBe('starting');
  });

  it('pings stop after dispose', async () => {
    const { engine, client, timer } = setup();
    await timer.advance(2);
    client.dispose();
    expect(timer.running()).toBe(0);
    const pings = engine.stats.pings;
    engine.close();
    await timer.advance(10);
    expect(engine.stats.pings).toBe(pings);
    expect(engine.stats.engines).toBe(1);
  });
});
