import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * A stand-in for the browser's Worker: records what is made and terminated, and answers
 * every comlink call with `true` (the engine's ping and its lifeline).
 */
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
  postMessage(message: { id?: string }): void {
    const data = { id: message.id, type: 'RAW', value: true };
    setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data })));
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** A fresh copy of the module (its prestarted worker is module state). */
const load = async () => {
  vi.resetModules();
  return import('../../../src/engine-client/connect-worker.ts');
};

/** Web Locks as the lifeline uses them: a request waits until `release(name)`. */
function fakeLocks() {
  const waiting = new Map<string, () => void>();
  const locks = {
    request(name: string, options: { signal?: AbortSignal }, granted: () => void) {
      return new Promise<void>((resolve, reject) => {
        waiting.set(name, () => resolve(granted()));
        options.signal?.addEventListener('abort', () => {
          waiting.delete(name);
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    },
  };
  return {
    locks,
    waiting: () => [...waiting.keys()],
    release: (name: string) => waiting.get(name)?.(),
  };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

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

describe('connectWorker lifeline', () => {
  it('a worker gone without an error event (its Web Lock freed) is reported as a crash', async () => {
    const fake = fakeLocks();
    vi.stubGlobal('navigator', { locks: fake.locks });
    const { connectWorker } = await load();
    const onCrash = vi.fn();
    const connection = connectWorker(onCrash);
    expect(connection.reportsDeath?.()).toBe(false);
    await settle(); // the worker holds its lock; the page waits for it
    expect(connection.reportsDeath?.()).toBe(true);
    const [name] = fake.waiting();
    expect(name).toMatch(/^convflow-engine-/);
    fake.release(name!);
    expect(onCrash).toHaveBeenCalledWith('the engine worker stopped');
  });

  it('terminating the worker withdraws the wait: no crash reported', async () => {
    const fake = fakeLocks();
    vi.stubGlobal('navigator', { locks: fake.locks });
    const { connectWorker } = await load();
    const onCrash = vi.fn();
    const connection = connectWorker(onCrash);
    await settle();
    connection.terminate();
    expect(fake.waiting()).toEqual([]);
    await settle();
    expect(onCrash).not.toHaveBeenCalled();
  });

  it('without Web Locks (not a secure context) death is left to the pings', async () => {
    vi.stubGlobal('navigator', {});
    const { connectWorker } = await load();
    const connection = connectWorker(() => {});
    await settle();
    expect(connection.reportsDeath?.()).toBe(false);
  });
});
