import { hasGraphLink } from '../graph/link-fragment.ts';
import type { ParseResult } from '../graph/parse.ts';
import type { GraphDocument } from '../graph/types.ts';
import { createEditorStore, type EditorStore } from '../state/editor-store.ts';
import { createHistory, type History } from '../state/history.ts';
import type { BrowserEnv } from './address-bar.ts';
import { errorName, fingerprint, readAutosave, type SavedGraph } from './autosave.ts';
import { openGraph, openLink, readGraphLink } from './open-graph.ts';
import type { LoadResult } from './persist-api.ts';
import { createPersistence, type Persistence } from './persistence.ts';
import { defaultDocument } from './presets.ts';

/**
 * Longest wait for the saved graph at startup before showing the page without it: far more
 * than reading a graph at the size limits takes, unless IndexedDB hangs.
 */
export const LOAD_TIMEOUT_MS = 60_000;

/** One editing session: the store, its undo history, and how it meets the browser. */
export interface Workspace {
  store: EditorStore;
  history: History;
  env: BrowserEnv;
  /**
   * Follow the browser: keep the address bar and the autosave in step, open links pasted
   * into the address bar, save what is pending when the page is hidden. Returns `stop`.
   */
  start(target: Pick<Window, 'addEventListener' | 'removeEventListener'>): () => void;
}

/** What the startup read found: the newest save, and whether IndexedDB answered at all. */
export interface SavedWork {
  read: ParseResult<SavedGraph | null>;
  /** False when the read timed out: this page then never saves over the unread graph. */
  answered: boolean;
}

/**
 * Read the saved work, then open the workspace on it. The read is asynchronous (IndexedDB,
 * in the persistence worker); the page renders once it is done, so the default graph never
 * flashes before the saved one.
 */
export async function loadWorkspace(env: BrowserEnv): Promise<Workspace> {
  const saved = await readSavedWork(env).catch(
    // Never a blank page: an unforeseen failure shows the default graph, saving nothing.
    (e: unknown): SavedWork => ({ read: { ok: false, error: errorName(e) }, answered: false }),
  );
  const { hash } = env.location;
  const linked = hasGraphLink(hash) ? await readGraphLink(hash) : null;
  return openWorkspace(env, saved, linked);
}

/** The newest of the IndexedDB save and an older localStorage one. */
export async function readSavedWork(env: BrowserEnv): Promise<SavedWork> {
  let answered = true;
  const fromDb = await withTimeout(env.saves.load(), LOAD_TIMEOUT_MS, () => (answered = false))
    // A worker that failed to start: as without IndexedDB.
    .catch((e: unknown): LoadResult => ({ kind: 'noDatabase', reason: errorName(e) }));
  return { read: newestSave(fromDb, readAutosave(env.storage)), answered };
}

/**
 * The save to restore: the most recent readable one (by `savedAt`; IndexedDB on a tie).
 * An unreadable record is reported only when no other save can be shown instead.
 */
export function newestSave(
  fromDb: LoadResult,
  fromStorage: ParseResult<SavedGraph | null>,
): ParseResult<SavedGraph | null> {
  const db = fromDb.kind === 'saved' ? fromDb.saved : null;
  const local = fromStorage.ok ? fromStorage.value : null;
  if (db && local) return { ok: true, value: local.savedAt > db.savedAt ? local : db };
  if (db || local) return { ok: true, value: db ?? local };
  if (fromDb.kind === 'unreadable') return { ok: false, error: fromDb.problem };
  return fromStorage;
}

/**
 * Open the work to show at startup: the saved graph (else the default preset), then the
 * graph of the link in the address bar, if any, loaded on top as one undoable step, so the
 * saved work is never silently lost. A bad link or an unreadable save says what is wrong
 * and keeps the other graph.
 */
export function openWorkspace(
  env: BrowserEnv,
  saved: SavedWork,
  linked: ParseResult<GraphDocument> | null,
): Workspace {
  const restored = saved.read.ok ? saved.read.value : null;
  const store = createEditorStore(restored?.doc ?? defaultDocument());
  const history = createHistory(store);
  if (!saved.read.ok)
    store.pushNotice('error', {
      key: 'notice.autosaveUnreadable',
      params: { problem: saved.read.error },
    });
  if (!saved.answered)
    store.pushNotice('error', {
      key: 'notice.autosaveNotRead',
      params: { s: LOAD_TIMEOUT_MS / 1000 },
    });
  const { hash } = env.location;
  // The fragment saved with the work is the work's own (or the link it was made from).
  const newLink = linked !== null && fingerprint(hash) !== restored?.address;
  if (newLink) openGraph(store, linked, { kind: 'link' }, restored !== null);
  const session = randomSession();
  const start = (target: Pick<Window, 'addEventListener' | 'removeEventListener'>) =>
    follow(store, env, target, saved.answered ? session : null);
  return { store, history, env, start };
}

/** Follow the browser; with no `session` (the saved graph was never read), save nothing. */
function follow(
  store: EditorStore,
  env: BrowserEnv,
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  session: string | null,
): () => void {
  const persistence = session ? createPersistence(store, env, { session }) : noPersistence;
  const onHashChange = () => {
    void openLink(store, env.location.hash, true).then(
      (opened) => opened && persistence.discardPending(),
    );
  };
  // Hidden (a tab switch): the worker saves now. Closing: the worker may never answer, so the
  // page writes the last edits into localStorage itself; a graph too big for it makes the
  // browser ask "Leave site?", while the worker's save, already started, finishes.
  const onHidden = () => persistence.flush();
  const onBeforeUnload = (event: Event) => {
    if (persistence.saveBeforeUnload()) return;
    persistence.flush();
    event.preventDefault();
    // The older way to ask, for browsers before preventDefault counted here.
    if (typeof BeforeUnloadEvent !== 'undefined' && event instanceof BeforeUnloadEvent)
      event.returnValue = 'unsaved';
  };
  const onPageHide = () => persistence.writeNow();
  target.addEventListener('hashchange', onHashChange);
  target.addEventListener('visibilitychange', onHidden);
  target.addEventListener('beforeunload', onBeforeUnload);
  target.addEventListener('pagehide', onPageHide);
  return () => {
    target.removeEventListener('hashchange', onHashChange);
    target.removeEventListener('visibilitychange', onHidden);
    target.removeEventListener('beforeunload', onBeforeUnload);
    target.removeEventListener('pagehide', onPageHide);
    persistence.flush();
    persistence.dispose();
  };
}

const noPersistence: Persistence = {
  flush: () => undefined,
  saveBeforeUnload: () => true,
  writeNow: () => undefined,
  discardPending: () => undefined,
  dispose: () => undefined,
};

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`no answer in ${ms / 1000} s`));
    }, ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

function randomSession(): string {
  return Math.random().toString(36).slice(2) + Date.now().toString(36);
}
