import { useCallback, useEffect, useRef } from 'react';
import type { EditorStore } from '../state/editor-store.ts';
import { connectWorker } from './connect-worker.ts';
import { createEngineClient, MANUAL_RESTART_NOTICE, type EngineClient } from './engine-client.ts';

/**
 * Runs an engine worker for the store while the component is mounted. Returns a function
 * that restarts it on demand, like restarting a notebook's kernel.
 */
export function useEngineClient(store: EditorStore): () => void {
  const client = useRef<EngineClient | null>(null);
  useEffect(() => {
    const created = createEngineClient(store, connectWorker);
    client.current = created;
    created.start();
    return () => {
      created.dispose();
      client.current = null;
    };
  }, [store]);
  return useCallback(() => client.current?.restart(MANUAL_RESTART_NOTICE), []);
}
