import { useState } from 'react';

/**
 * `next`, or the value of the last render if `same` says they are equal: what depends on it
 * by identity (a memo, an effect, a memoized child) sees no change when nothing changed.
 */
export function useStable<T>(next: T, same: (a: T, b: T) => boolean): T {
  const [last, setLast] = useState(next);
  const value = last === next || same(last, next) ? last : next;
  // React's "storing information from previous renders": set while rendering.
  if (value !== last) setLast(value);
  return value;
}
