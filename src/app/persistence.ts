import type { Message } from '../i18n/translate.ts';
import type { EditorStore } from '../state/editor-store.ts';
import type { NoticeKind } from '../state/types.ts';
import { replaceFragment, type BrowserEnv } from './address-bar.ts';
import {
  autosaveText,
  errorName,
  fingerprint,
  MAX_AUTOSAVE_CHARS,
  removeAutosave,
  writeAutosave,
} from './autosave.ts';
import type { SaveResult } from './persist-api.ts';

/** Quiet time after the last edit before the address bar and the autosave catch up. */
export const PERSIST_DELAY_MS = 400;

/** Keeps the address bar and the autosave in step with the document, debounced. */
export interface Persistence {
  /** Start what is pending now (the page is being hidden); the worker does the work. */
  flush(): void;
  /**
   * The page may be closing: write the edits no finished save covers into localStorage, at
   * once (an IndexedDB write started now is usually aborted by the unload). The address bar
   * keeps the fragment it shows, and the record notes it. False when the graph is too big
   * for localStorage: only the worker's save can keep it.
   */
  saveBeforeUnload(): boolean;
  /**
   * The page is going away: `saveBeforeUnload`, then, for a graph too big for localStorage,
   * an IndexedDB write from the page, in case it still lands.
   */
  writeNow(): void;
  /**
   * Drop what is pending: a graph just opened from a link stays only in the address bar
   * until it is edited, so the saved work it replaced is still there on the next visit.
   */
  discardPending(): void;
  dispose(): void;
}

/** Where a save ended up, as the user is told. */
export type SavePlace =
  | { kind: 'indexedDB'; linkless: boolean }
  | { kind: 'localStorage'; reason: string }
  | { kind: 'tooLarge'; reason: string }
  | { kind: 'failed'; reason: string };

export interface PersistenceOptions {
  /** This page's session: with the store revision, it orders saves that race. */
  session: string;
  delayMs?: number;
}

/**
 * Follow every accepted dispatch: after `delayMs` of quiet, hand the document to the
 * persistence worker, which computes the address bar's fragment and stores the document;
 * then show the fragment with `replaceState`, unless an edit came meanwhile (a newer save
 * follows). One save is in flight at a time; the page never serialises the graph itself.
 * Where IndexedDB fails, the worker's JSON record goes to localStorage. A notice says where a
 * graph too big for a link is kept, and a failed save is announced once, until one works.
 */
export function createPersistence(
  store: EditorStore,
  env: BrowserEnv,
  { session, delayMs = PERSIST_DELAY_MS }: PersistenceOptions,
): Persistence {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = false;
  let again = false;
  /** Every revision up to this one is stored, or needs no save (a link just opened). */
  let covered = store.getState().revision;
  let legacyRemoved = false;
  let announced: string | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const announce = (where: SavePlace) => {
    const notice = saveNotice(where);
    const key = notice?.message.key ?? null;
    if (notice && key !== announced) store.pushNotice(notice.kind, notice.message);
    announced = key;
  };
  const settle = (revision: number, result: SaveResult) => {
    const where = placeOf(result, env);
    if (where.kind === 'indexedDB' || where.kind === 'localStorage')
      covered = Math.max(covered, revision);
    if (where.kind === 'indexedDB' && !legacyRemoved) {
      removeAutosave(env.storage);
      legacyRemoved = true;
    }
    // A result for an older document is stale: a save of the current one is due.
    if (revision === store.getState().revision) replaceFragment(env, result.fragment);
    announce(where);
  };
  const save = () => {
    cancel();
    if (inFlight) {
      again = true;
      return;
    }
    const { doc, revision } = store.getState();
    if (revision <= covered) return;
    inFlight = true;
    env.saves
      .save({ doc, session, revision })
      .then(
        (result) => settle(revision, result),
        (e: unknown) => announce({ kind: 'failed', reason: errorName(e) }),
      )
      .finally(() => {
        inFlight = false;
        if (again) {
          again = false;
          save();
        }
      });
  };
  /** Write what is not covered yet into localStorage; it is newer than any save. */
  const saveLocally = (): 'covered' | 'saved' | 'tooBig' | 'failed' => {
    const { doc, revision } = store.getState();
    if (revision <= covered) return 'covered';
    const text = autosaveText(doc, fingerprint(env.location.hash), Date.now());
    if (text === null) return 'tooBig';
    if (writeAutosave(env.storage, text) !== 'saved') return 'failed';
    cancel();
    covered = revision;
    return 'saved';
  };
  const unsubscribe = store.onEdits(() => {
    cancel();
    timer = setTimeout(save, delayMs);
  });
  return {
    flush: () => {
      if (timer !== null) save();
    },
    saveBeforeUnload: () => saveLocally() !== 'tooBig',
    writeNow: () => {
      const { doc, revision } = store.getState();
      if (saveLocally() !== 'tooBig') return;
      const meta = {
        address: fingerprint(env.location.hash),
        savedAt: Date.now(),
        session,
        revision,
      };
      env.saves.writeNow({ meta, graph: doc });
    },
    discardPending: () => {
      cancel();
      again = false;
      covered = store.getState().revision;
    },
    dispose: () => {
      cancel();
      unsubscribe();
    },
  };
}

/** Where a worker's save ended up, writing its localStorage record when IndexedDB failed. */
function placeOf({ fragment, outcome }: SaveResult, env: BrowserEnv): SavePlace {
  if (outcome.kind === 'saved') return { kind: 'indexedDB', linkless: fragment === '' };
  const { reason, localRecord } = outcome;
  if (localRecord === null) return { kind: 'tooLarge', reason };
  const written = writeAutosave(env.storage, localRecord);
  return written === 'saved' ? { kind: 'localStorage', reason } : { kind: 'failed', reason };
}

/** What to tell the user after a save, if anything. */
export function saveNotice(where: SavePlace): { kind: NoticeKind; message: Message } | null {
  const mb = MAX_AUTOSAVE_CHARS / 2 ** 20;
  switch (where.kind) {
    case 'indexedDB':
      return where.linkless ? { kind: 'info', message: { key: 'notice.savedInBrowser' } } : null;
    case 'localStorage': {
      const params = { reason: where.reason, mb };
      return { kind: 'info', message: { key: 'notice.savedInLocalStorage', params } };
    }
    case 'tooLarge': {
      const params = { reason: where.reason, mb };
      return { kind: 'error', message: { key: 'notice.autosaveTooLarge', params } };
    }
    case 'failed':
      return {
        kind: 'error',
        message: { key: 'notice.autosaveFailed', params: { reason: where.reason } },
      };
  }
}
