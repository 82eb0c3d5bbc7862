import type { Message } from '../i18n/translate.ts';
import type { EditorStore } from '../state/editor-store.ts';
import type { NoticeKind } from '../state/types.ts';
import { replaceFragment, type BrowserEnv } from './address-bar.ts';
import {
  autosaveText,
  errorName,
  explicitValueCount,
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
   * keeps the fragment it shows, and the record notes it. False when that was not possible
   * (a graph too big for localStorage, or none): only the worker's save can keep it.
   */
  saveBeforeUnload(): boolean;
  /**
   * The page is going away: `saveBeforeUnload`, and where that was not possible, an
   * IndexedDB write from the page, in case it still lands.
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
  options: PersistenceOptions,
): Persistence {
  return new PersistenceImpl(store, env, options.session, options.delayMs ?? PERSIST_DELAY_MS);
}

class PersistenceImpl implements Persistence {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = false;
  /** A save came due while one was in flight: start it when that one is done. */
  private again = false;
  /** Every revision up to this one is stored, or needs no save (a link just opened). */
  private covered: number;
  private legacyRemoved = false;
  private announced: string | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: EditorStore,
    private readonly env: BrowserEnv,
    private readonly session: string,
    delayMs: number,
  ) {
    this.covered = store.getState().revision;
    this.unsubscribe = store.onEdits(() => {
      this.cancel();
      this.timer = setTimeout(this.save, delayMs);
    });
  }

  flush(): void {
    if (this.timer !== null) this.save();
  }

  saveBeforeUnload(): boolean {
    const outcome = this.saveLocally();
    return outcome === 'covered' || outcome === 'saved';
  }

  writeNow(): void {
    const { doc, revision } = this.store.getState();
    if (this.saveBeforeUnload()) return;
    const address = fingerprint(this.env.location.hash);
    const values = explicitValueCount(doc);
    const meta = { address, savedAt: Date.now(), session: this.session, revision, values };
    this.env.saves.writeNow({ meta, graph: doc });
  }

  discardPending(): void {
    this.cancel();
    this.again = false;
    this.covered = this.store.getState().revision;
  }

  dispose(): void {
    this.cancel();
    this.unsubscribe();
  }

  private cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private readonly save = (): void => {
    this.cancel();
    if (this.inFlight) {
      this.again = true;
      return;
    }
    const { doc, revision } = this.store.getState();
    if (revision <= this.covered) return;
    this.inFlight = true;
    this.env.saves
      .save({ doc, session: this.session, revision })
      .then(
        (result) => this.settle(revision, result),
        (e: unknown) => this.announce({ kind: 'failed', reason: errorName(e) }),
      )
      .finally(() => {
        this.inFlight = false;
        if (this.again) {
          this.again = false;
          this.save();
        }
      });
  };

  private settle(revision: number, result: SaveResult): void {
    const where = placeOf(result, this.env);
    if (where.kind === 'indexedDB' || where.kind === 'localStorage')
      this.covered = Math.max(this.covered, revision);
    if (where.kind === 'indexedDB' && !this.legacyRemoved) {
      removeAutosave(this.env.storage);
      this.legacyRemoved = true;
    }
    // A result for an older document is stale: a save of the current one is due.
    if (revision === this.store.getState().revision) replaceFragment(this.env, result.fragment);
    this.announce(where);
  }

  /** Say where the save went, unless that was the last thing said. */
  private announce(where: SavePlace): void {
    const notice = saveNotice(where);
    const key = notice?.message.key ?? null;
    if (notice && key !== this.announced) this.store.pushNotice(notice.kind, notice.message);
    this.announced = key;
  }

  /** Write what no save covers into localStorage, at once: it is newer than any save. */
  private saveLocally(): 'covered' | 'saved' | 'tooBig' | 'failed' {
    const { doc, revision } = this.store.getState();
    if (revision <= this.covered) return 'covered';
    const text = autosaveText(doc, fingerprint(this.env.location.hash), Date.now());
    if (text === null) return 'tooBig';
    if (writeAutosave(this.env.storage, text) !== 'saved') return 'failed';
    this.cancel();
    this.covered = revision;
    return 'saved';
  }
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
