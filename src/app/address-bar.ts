import { encodeGraphLink, encodeGraphLinkWithin } from '../graph/link-codec.ts';
import { MAX_SHARE_FRAGMENT_CHARS } from '../graph/link-size.ts';
import type { GraphDocument } from '../graph/types.ts';
import type { StorageLike } from './autosave.ts';

/** What the app needs of the browser around it; tests pass plain objects. */
export interface BrowserEnv {
  location: Pick<Location, 'hash' | 'pathname' | 'search' | 'origin'>;
  history: Pick<Window['history'], 'state' | 'replaceState'>;
  storage: StorageLike | null;
}

/** The real browser's location, history and localStorage (null when blocked). */
export function browserEnv(): BrowserEnv {
  let storage: StorageLike | null = null;
  try {
    storage = window.localStorage;
  } catch {
    // Storage disabled: no autosave, everything else works.
  }
  return { location: window.location, history: window.history, storage };
}

/**
 * The fragment the address bar shows for a graph: its compressed link. A graph too big for a
 * share link (a large image) gets none: the autosave keeps it, and a stale link would mislead.
 */
export function addressFragment(doc: GraphDocument): string {
  return encodeGraphLinkWithin(doc, MAX_SHARE_FRAGMENT_CHARS) ?? '';
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
export function shareLink(env: BrowserEnv, doc: GraphDocument): string {
  return `${env.location.origin}${env.location.pathname}${encodeGraphLink(doc)}`;
}
