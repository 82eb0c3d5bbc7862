import type { StorageLike } from './autosave.ts';
import {
  browserFiles,
  browserSaves,
  connectPersistWorker,
  type GraphFiles,
  type SaveChannel,
} from './saves.ts';

/** What the app needs of the browser around it; tests pass plain objects. */
export interface BrowserEnv {
  location: Pick<Location, 'hash' | 'pathname' | 'search' | 'origin'>;
  history: Pick<Window['history'], 'state' | 'replaceState'>;
  /** localStorage: older saves, and saves where IndexedDB is unavailable. */
  storage: StorageLike | null;
  /** The autosave in IndexedDB, through the persistence worker. */
  saves: SaveChannel;
  /** Import and export of graph files, off the page's thread. */
  files: GraphFiles;
}

/** The real browser's location, history, storage (localStorage null when blocked). */
export function browserEnv(): BrowserEnv {
  let storage: StorageLike | null = null;
  try {
    storage = window.localStorage;
  } catch {
    // Storage disabled: no autosave, everything else works.
  }
  const worker = connectPersistWorker();
  const { location, history } = window;
  return { location, history, storage, saves: browserSaves(worker), files: browserFiles(worker) };
}

/**
 * Show `fragment` in the address bar without a new history entry: back and forward are not
 * flooded, and no `hashchange` fires (so the app does not reopen its own link).
 */
export function replaceFragment(env: BrowserEnv, fragment: string): void {
  const { location, history } = env;
  if (location.hash === fragment) return;
  history.replaceState(history.state, '', `${location.pathname}${location.search}${fragment}`);
}

/** The full share link of a graph: this page's address with the compressed fragment. */
export function shareLink(env: BrowserEnv, fragment: string): string {
  return `${env.location.origin}${env.location.pathname}${fragment}`;
}
