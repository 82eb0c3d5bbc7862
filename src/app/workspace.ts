import { hasGraphLink } from '../graph/link-codec.ts';
import { createEditorStore, type EditorStore } from '../state/editor-store.ts';
import { createHistory, type History } from '../state/history.ts';
import type { BrowserEnv } from './address-bar.ts';
import { fingerprint, readAutosave } from './autosave.ts';
import { openLink } from './open-graph.ts';
import { createPersistence } from './persistence.ts';
import { defaultDocument } from './presets.ts';

/** One editing session: the store, its undo history, and how it meets the browser. */
export interface Workspace {
  store: EditorStore;
  history: History;
  env: BrowserEnv;
  /**
   * Follow the browser: keep the address bar and the autosave in step, open links pasted
   * into the address bar, write what is pending when the page is hidden. Returns `stop`.
   */
  start(target: Pick<Window, 'addEventListener' | 'removeEventListener'>): () => void;
}

/**
 * Open the work to show at startup: the graph saved in this browser (else the default
 * preset), then the graph of the link in the address bar, if any, loaded on top as one
 * undoable step, so the saved work is never silently lost. A bad link or an unreadable
 * save says what is wrong and keeps the other graph.
 */
export function openWorkspace(env: BrowserEnv): Workspace {
  const saved = readAutosave(env.storage);
  const restored = saved.ok ? saved.value : null;
  const store = createEditorStore(restored?.doc ?? defaultDocument());
  const history = createHistory(store);
  if (!saved.ok)
    store.pushNotice('error', {
      key: 'notice.autosaveUnreadable',
      params: { problem: saved.error },
    });
  const { hash } = env.location;
  // The fragment saved with the work is the work's own (or the link it was made from).
  const newLink = hasGraphLink(hash) && fingerprint(hash) !== restored?.address;
  if (newLink) openLink(store, hash, restored !== null);
  return { store, history, env, start: (target) => follow(store, env, target) };
}

function follow(
  store: EditorStore,
  env: BrowserEnv,
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
): () => void {
  const persistence = createPersistence(store, env);
  const onHashChange = () => {
    if (openLink(store, env.location.hash, true)) persistence.discardPending();
  };
  const onHide = () => persistence.flush();
  target.addEventListener('hashchange', onHashChange);
  target.addEventListener('pagehide', onHide);
  return () => {
    target.removeEventListener('hashchange', onHashChange);
    target.removeEventListener('pagehide', onHide);
    persistence.flush();
    persistence.dispose();
  };
}
