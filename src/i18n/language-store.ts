import { LANGS, type Lang } from './translate.ts';

const STORAGE_KEY = 'convflow.lang';

/** The UI language: remembered in localStorage, first guessed from the browser. */
export interface LanguageStore {
  get(): Lang;
  set(lang: Lang): void;
  subscribe(listener: () => void): () => void;
}

export function createLanguageStore(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null,
  browserLanguage: string,
): LanguageStore {
  const saved = safeGet(storage);
  let lang: Lang = saved ?? (browserLanguage.toLowerCase().startsWith('ja') ? 'ja' : 'en');
  const listeners = new Set<() => void>();
  return {
    get: () => lang,
    set(next) {
      if (next === lang) return;
      lang = next;
      try {
        storage?.setItem(STORAGE_KEY, next);
      } catch {
        // Private mode or a full quota: the choice still holds for this visit.
      }
      for (const l of listeners) l();
    },
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
