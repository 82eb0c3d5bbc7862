import { transfer, wrap, type Remote } from 'comlink';
import type { EngineWorkerApi } from '../../workers/engine.worker.ts';
import type { EngineConnection, EngineRemote } from './engine-client.ts';
import { yieldToEventLoop } from '../engine/event-loop.ts';
import { inOrder, movedCopy, type Moved, type Ready } from './moved-copy.ts';
import type { ApplyResult } from '../engine/api.ts';

/** A worker started before the app rendered, and the failure it had meanwhile, if any. */
let early: { worker: Worker; failure: string | null } | null = null;

function spawn(): Worker {
  return new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'convflow-engine',
  });
}

/**
 * Start the first engine worker now, so that it downloads and compiles while the page's own
 * script runs and React renders; the first `connectWorker` takes it over.
 */
export function prestartWorker(): void {
  if (early) return;
  const worker = spawn();
  const entry = { worker, failure: null as string | null };
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    entry.failure ??= event.message || 'the engine worker failed';
  });
  early = entry;
}

/** Starts the engine in a module worker (or takes over the prestarted one). */
export function connectWorker(onCrash: (reason: string) => void): EngineConnection {
  const taken = early;
  early = null;
  const worker = taken?.worker ?? spawn();
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    onCrash(event.message || 'the engine worker failed');
  });
  worker.addEventListener('messageerror', () =>
    onCrash('a message from the engine was unreadable'),
  );
  // A failure before this connection existed is reported to it, once it can be handled.
  if (taken?.failure) {
    const failure = taken.failure;
    queueMicrotask(() => onCrash(failure));
  }
  const remote = wrap<EngineWorkerApi>(worker);
  const lifeline = new AbortController();
  const reportsDeath = watchLifeline(remote, lifeline.signal, () =>
    onCrash('the engine worker stopped'),
  );
  // Documents and edits carry their large tensors moved, not cloned, and copied without a
  // long task; calls keep their order meanwhile (moved-copy.ts). A call with nothing to copy
  // is posted at once.
  const post = inOrder();
  const moving =
    <T, R>(value: T, send: (moved: T) => Promise<R>) =>
    (): Ready<R> => {
      const moved = movedCopy(value, yieldToEventLoop);
      const sender = (m: Moved<T>) => () => send(transfer(m.value, m.buffers));
      return moved instanceof Promise ? moved.then(sender) : sender(moved);
    };
  const sending: EngineRemote = {
    load: (doc, revision) =>
      post(moving(doc, (d) => remote.load(d, revision) as Promise<ApplyResult>)),
    apply: (edits, revision) =>
      post(moving(edits, (e) => remote.apply(e, revision) as Promise<ApplyResult>)),
    evaluate: () => post(() => () => remote.evaluate()),
    ping: () => post(() => () => remote.ping()),
    release: (leases) => post(() => () => remote.release(leases)),
  };
  return {
    remote: sending,
    reportsDeath,
    terminate: () => {
      lifeline.abort();
      worker.terminate();
    },
  };
}

/**
 * The worker holds a Web Lock for as long as it lives, and the page queues for the same lock:
 * it is granted once the worker's context is gone, however it went, though no error event
 * fires (in Chromium, within milliseconds of `self.close()`). Returns whether that is in
 * place: Web Locks need a secure context (https, localhost); elsewhere the pings remain.
 */
function watchLifeline(
  remote: Remote<EngineWorkerApi>,
  signal: AbortSignal,
  onDeath: () => void,
): () => boolean {
  // Undefined outside a secure context, as is crypto.randomUUID.
  const locks = globalThis.navigator?.locks;
  if (!locks) return () => false;
  // Unique across tabs and engines: locks are shared by the whole origin.
  const name = `convflow-engine-${crypto.randomUUID()}`;
  let inPlace = false;
  remote.holdLifeline(name).then(
    (held) => {
      if (!held || signal.aborted) return;
      inPlace = true;
      // Aborted (rejects) when the page terminates the worker itself.
      locks.request(name, { signal }, () => onDeath()).catch(() => undefined);
    },
    () => undefined,
  );
  return () => inPlace;
}
