import { useCallback, useContext, useSyncExternalStore } from 'react';
import type { MessageKey } from './en.ts';
import { I18nContext } from './I18nProvider.tsx';
import { translate, type Lang, type MessageParams } from './translate.ts';

/** The current language and a setter; English when no provider is present (e.g. in tests). */
export function useLang(): [Lang, (lang: Lang) => void] {
  const store = useContext(I18nContext);
  const lang = useSyncExternalStore(
    (l) => store?.subscribe(l) ?? (() => undefined),
    () => store?.get() ?? 'en',
  );
  const set = useCallback((next: Lang) => store?.set(next), [store]);
  return [lang, set];
}

/**
 * `t(key, params)` in the current language.
 * @example const t = useT(); t('status.recomputed', { k: 1, n: 2, ms: '0.4' })
 */
export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const [lang] = useLang();
  return useCallback(
    (key: MessageKey, params?: MessageParams) => translate(lang, key, params),
    [lang],
  );
}
