import { useSyncExternalStore } from 'react';

/**
 * A page-wide setting remembered in localStorage: read once at start (a missing, foreign
 * or unreadable value gives `fallback`), shared by every component through a hook, and
 * still applied to this page where storage is blocked or full.
 */
export function storedSetting<T extends string>(
  key: string,
  fallback: T,
  valid: (value: string) => value is T,
): () => [T, (value: T) => void] {
  let current = fallback;
  try {
    const saved = globalThis.localStorage?.getItem(key);
    if (saved !== null && saved !== undefined && valid(saved)) current = saved;
  } catch {
    // Storage blocked: the fallback.
  }
  const listeners = new Set<() => void>();
  const subscribe = (l: () => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  };
  const set = (value: T) => {
    current = value;
    try {
      globalThis.localStorage?.setItem(key, value);
    } catch {
      // Not remembered; it still applies to this page.
    }
    for (const l of [...listeners]) l();
  };
  return () => [useSyncExternalStore(subscribe, () => current), set];
}
