import { catalogueLoaded, LANGS, loadCatalogue, type Lang } from './translate.ts';

const STORAGE_KEY = 'convflow.lang';

/**
 * The UI language: remembered in localStorage, first guessed from the browser. `get` is the
 * language shown, whose messages are loaded; a chosen language shows once they are.
 */
export interface LanguageStore {
  get(): Lang;
  set(lang: Lang): void;
  subscribe(listener: () => void): () => void;
  /** Settles once the first language's messages are loaded (or could not be: English). */
  ready: Promise<void>;
}

export function createLanguageStore(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null,
  browserLanguage: string,
): LanguageStore {
  const saved = safeGet(storage);
  let wanted: Lang = saved ?? (browserLanguage.toLowerCase().startsWith('ja') ? 'ja' : 'en');
  let lang: Lang = catalogueLoaded(wanted) ? wanted : 'en';
  const listeners = new Set<() => void>();
  /** Show `wanted` once its messages are here, unless another was chosen meanwhile. */
  const show = async () => {
    const next = wanted;
    try {
      await loadCatalogue(next);
    } catch {
      return; // Offline before the chunk was cached: the language shown stays.
    }
    if (next !== wanted || next === lang) return;
    lang = next;
    for (const l of listeners) l();
  };
  return {
    get: () => lang,
    set(next) {
      if (next === wanted && next === lang) return;
      wanted = next;
      try {
        storage?.setItem(STORAGE_KEY, next);
      } catch {
        // Private mode or a full quota: the choice still holds for this visit.
      }
      void show();
    },
    ready: show(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function safeGet(storage: Pick<Storage, 'getItem'> | null): Lang | null {
  try {
    const v = storage?.getItem(STORAGE_KEY);
    return LANGS.includes(v as Lang) ? (v as Lang) : null;
  } catch {
    return null;
  }
}

/** The page's store: this browser's localStorage and language. */
export function createBrowserLanguageStore(): LanguageStore {
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    // Storage blocked: the language is guessed on every visit.
  }
  return createLanguageStore(storage, navigator.language);
}
