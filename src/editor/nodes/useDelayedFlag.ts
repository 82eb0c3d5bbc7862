import { useEffect, useState } from 'react';

/**
 * How long a node must have been recomputing before it looks busy (dimmed maps, a spinner,
 * a pulsing dot). A 224×224 edit takes well under this in the worker: its heatmaps simply
 * change, with no flash of a dimmed state, and the page is spared restyling and recompositing
 * every map twice per edit. A slow evaluation still shows that it is under way.
 */
export const BUSY_SHOW_DELAY_MS = 250;

/**
 * `flag`, but turning true only after it has stayed true for `delayMs`; it turns false at once.
 * @example const looksBusy = useDelayedFlag(busy, BUSY_SHOW_DELAY_MS);
 */
export function useDelayedFlag(flag: boolean, delayMs: number): boolean {
  const [elapsed, setElapsed] = useState(false);
  useEffect(() => {
    setElapsed(false);
    if (!flag) return;
    const timer = setTimeout(() => setElapsed(true), delayMs);
    return () => clearTimeout(timer);
  }, [flag, delayMs]);
  return flag && elapsed;
}
