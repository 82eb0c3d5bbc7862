import { createContext, useContext, useSyncExternalStore } from 'react';
import type { LessonState, LessonStore } from '../../state/lesson-store.ts';

export const LessonContext = createContext<LessonStore | null>(null);

export function useLessonStore(): LessonStore {
  const store = useContext(LessonContext);
  if (!store) throw new Error('useLessonStore must be used inside a LessonContext provider');
  return store;
}

export function useLessonState(): LessonState {
  const store = useLessonStore();
  return useSyncExternalStore(store.subscribe, store.getState);
}
