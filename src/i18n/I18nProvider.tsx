import { createContext, useState, type ReactNode } from 'react';
import { createBrowserLanguageStore, type LanguageStore } from './language-store.ts';

export const I18nContext = createContext<LanguageStore | null>(null);

/** Supplies the language store; one per app. */
export function I18nProvider({ children, store }: { children: ReactNode; store?: LanguageStore }) {
  const [own] = useState(() => store ?? createBrowserLanguageStore());
  return <I18nContext.Provider value={own}>{children}</I18nContext.Provider>;
}
