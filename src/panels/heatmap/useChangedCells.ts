import { useEffect, useRef, useState } from 'react';
import { CHANGE_OUTLINE_MS, changedCells, useKeepChangeOutline } from './change-outline.ts';

/**
 * The cells whose values the last recomputation changed, for a moment (or until the next
 * one, when the outline is kept on): a learner sees how far an edit reached. Off while
 * `live` (a training run's maps change every slice).
 */
export function useChangedCells(data: Float32Array, live: boolean): Uint8Array | undefined {
  const [keep] = useKeepChangeOutline();
  const previous = useRef(data);
  const [changed, setChanged] = useState<{ of: Float32Array; mask: Uint8Array } | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = data;
    if (before === data || live) return;
    const mask = changedCells(before, data);
    setChanged(mask ? { of: data, mask } : null);
    if (!mask || keep) return;
    const id = setTimeout(() => setChanged(null), CHANGE_OUTLINE_MS);
    return () => clearTimeout(id);
  }, [data, live, keep]);
  return changed && changed.of === data ? changed.mask : undefined;
}
