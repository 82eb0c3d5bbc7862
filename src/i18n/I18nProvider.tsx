import { createContext, useState, type ReactNode } from 'react';
import { createLanguageStore, type LanguageStore } from './language-store.ts';

export const I18nContext = createContext<LanguageStore | null>(null);

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Supplies the language store; one per app. */
export function I18nProvider({ children, store }: { children: ReactNode; store?: LanguageStore }) {
  const [own] = useState(() => store ?? createLanguageStore(browserStorage(), navigator.language));
  return <I18nContext.Provider value={own}>{children}</I18nContext.Provider>;
}
