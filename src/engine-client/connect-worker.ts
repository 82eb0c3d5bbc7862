import { wrap } from 'comlink';
import type { EngineWorkerApi } from '../../workers/engine.worker.ts';
import type { EngineConnection } from './engine-client.ts';

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
  return { remote: wrap<EngineWorkerApi>(worker), terminate: () => worker.terminate() };
}
