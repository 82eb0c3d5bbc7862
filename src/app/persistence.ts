import type { Message } from '../i18n/translate.ts';
import type { EditorStore } from '../state/editor-store.ts';
import { addressFragment, replaceFragment, type BrowserEnv } from './address-bar.ts';
import { MAX_AUTOSAVE_CHARS, writeAutosave, type SaveOutcome } from './autosave.ts';

/** Quiet time after the last edit before the address bar and the autosave catch up. */
export const PERSIST_DELAY_MS = 400;

/** Keeps the address bar and localStorage in step with the document, debounced. */
export interface Persistence {
  /** Write now what is pending (the page is being hidden or closed). */
  flush(): void;
  /**
   * Drop what is pending: a graph just opened from a link stays only in the address bar
   * until it is edited, so the saved work it replaced is still there on the next visit.
   */
  discardPending(): void;
  dispose(): void;
}

/**
 * Follow every accepted dispatch: after `delayMs` of quiet, write the compressed fragment
 * with `replaceState`, then save the document with that fragment's fingerprint. A failed
 * save is announced once, until a save succeeds again.
 */
export function createPersistence(
  store: EditorStore,
  env: BrowserEnv,
  delayMs = PERSIST_DELAY_MS,
): Persistence {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failing = false;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const write = () => {
    cancel();
    const { doc } = store.getState();
    replaceFragment(env, addressFragment(doc));
    const outcome = writeAutosave(env.storage, doc, env.location.hash);
    if (outcome === 'saved') failing = false;
    else if (!failing) {
      failing = true;
      store.pushNotice('error', saveProblem(outcome));
    }
  };
  const unsubscribe = store.onEdits(() => {
    cancel();
    timer = setTimeout(write, delayMs);
  });
  return {
    flush: () => {
      if (timer !== null) write();
    },
    discardPending: cancel,
    dispose: () => {
      cancel();
      unsubscribe();
    },
  };
}

function saveProblem(outcome: Exclude<SaveOutcome, 'saved'>): Message {
  if (outcome === 'tooLarge')
    return { key: 'notice.autosaveTooLarge', params: { mb: MAX_AUTOSAVE_CHARS / 2 ** 20 } };
  return { key: 'notice.autosaveFailed', params: { reason: outcome.failed } };
}
