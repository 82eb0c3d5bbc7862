import { wrap } from 'comlink';
import type { EngineApi } from '../engine/api.ts';
import type { EngineConnection } from './engine-client.ts';

/** Starts the engine in a module worker. The only place a worker is created. */
export function connectWorker(onCrash: (reason: string) => void): EngineConnection {
  const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'convflow-engine',
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    onCrash(event.message || 'the engine worker failed');
  });
  worker.addEventListener('messageerror', () =>
    onCrash('a message from the engine was unreadable'),
  );
  return { remote: wrap<EngineApi>(worker), terminate: () => worker.terminate() };
}
