import { useSyncExternalStore } from 'react';

/** How long the cells an edit changed stay outlined (unless kept on). */
export const CHANGE_OUTLINE_MS = 1500;
const KEY = 'convflow.outlineChanges';

let keep = read();
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'keep';
  } catch {
    return false;
  }
}

/** Whether the outline of what the last edit changed stays on (remembered in the browser). */
export function useKeepChangeOutline(): [boolean, (on: boolean) => void] {
  const value = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => keep,
  );
  return [value, setKeep];
}

function setKeep(on: boolean): void {
  keep = on;
  try {
    globalThis.localStorage?.setItem(KEY, on ? 'keep' : 'flash');
  } catch {
    // Not remembered; it still applies to this page.
  }
  for (const l of [...listeners]) l();
}

/** Which of `next`'s values differ from `previous`'s (same length), or null if none do. */
export function changedCells(previous: Float32Array, next: Float32Array): Uint8Array | null {
  if (previous.length !== next.length) return null;
  let mask: Uint8Array | null = null;
  for (let i = 0; i < next.length; i++) {
    const a = previous[i]!;
    const b = next[i]!;
    if (a !== b && !(a !== a && b !== b)) (mask ??= new Uint8Array(next.length))[i] = 1;
  }
  return mask;
}
