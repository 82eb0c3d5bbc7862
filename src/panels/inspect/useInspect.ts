import { useCallback, useContext, useSyncExternalStore } from 'react';
import type { InspectState, InspectStore } from './inspect-store.ts';
import { InspectStoreContext } from './InspectProvider.tsx';

/** The inspect store from the nearest InspectProvider. */
export function useInspectStore(): InspectStore {
  const store = useContext(InspectStoreContext);
  if (!store) throw new Error('useInspectStore must be used inside an InspectProvider');
  return store;
}

/**
 * A slice of the inspect state; selectors return something already in the state.
 * @example const focus = useInspect((s) => s.focus);
 */
export function useInspect<T>(selector: (state: InspectState) => T): T {
  const store = useInspectStore();
  const get = useCallback(() => selector(store.getState()), [store, selector]);
  return useSyncExternalStore(store.subscribe, get, get);
}
