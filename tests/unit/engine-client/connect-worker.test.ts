import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for the browser's Worker: records what is made and terminated. */
class FakeWorker extends EventTarget {
  static made: FakeWorker[] = [];
  terminated = false;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    super();
    FakeWorker.made.push(this);
  }
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
}

/** A fresh copy of the module (its prestarted worker is module state). */
const load = async () => {
  vi.resetModules();
  return import('../../../src/engine-client/connect-worker.ts');
};

beforeEach(() => {
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => vi.unstubAllGlobals());

describe('connectWorker', () => {
  it('takes over the prestarted worker once; later connections start their own', async () => {
    const { prestartWorker, connectWorker } = await load();
    prestartWorker();
    prestartWorker();
    expect(FakeWorker.made).toHaveLength(1);
    const first = connectWorker(() => {});
    expect(FakeWorker.made).toHaveLength(1);
    first.terminate();
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    connectWorker(() => {});
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made[1]!.options).toMatchObject({ type: 'module' });
  });

  it('reports a failure the prestarted worker had before anyone connected', async () => {
    const { prestartWorker, connectWorker } = await load();
    prestartWorker();
    const failure = Object.assign(new Event('error', { cancelable: true }), {
      message: 'SyntaxError in engine.worker.js',
    });
    FakeWorker.made[0]!.dispatchEvent(failure);
    const onCrash = vi.fn();
    connectWorker(onCrash);
    expect(onCrash).not.toHaveBeenCalled(); // not during the connection itself
    await Promise.resolve();
    expect(onCrash).toHaveBeenCalledWith('SyntaxError in engine.worker.js');
  });

  it('reports failures after connecting to the connection', async () => {
    const { connectWorker } = await load();
    const onCrash = vi.fn();
    connectWorker(onCrash);
    FakeWorker.made[0]!.dispatchEvent(new Event('messageerror'));
    expect(onCrash).toHaveBeenCalledWith('a message from the engine was unreadable');
  });
});
