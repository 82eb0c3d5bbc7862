import { useEffect, useState } from 'react';
import {
  CHANGE_OUTLINE_MS,
  changedCells,
  useKeepChangeOutline,
  type CellChange,
} from './change-outline.ts';

/** A tensor's values against the ones before them (the same length). */
export interface Delta {
  /** The values the maps showed before. */
  readonly before: Float32Array;
  /** The cells that differ from them; null when none does. */
  readonly change: CellChange | null;
}

export interface ChangesSeen {
  /**
   * Known as this data is first rendered, before its maps paint: a map that painted `before`
   * repaints only the cells that changed. Undefined for a first tensor, one of another
   * length, or while `live`.
   */
  delta: Delta | undefined;
  /** The cells to outline now: a learner sees how far an edit reached. */
  outlined: CellChange | undefined;
}

/**
 * The cells whose values the last recomputation changed, outlined for a moment (or until the
 * next one, when the outline is kept on). Off while `live` (a training run's maps change
 * every slice, all of them: comparing would be wasted).
 */
export function useChangedCells(data: Float32Array, live: boolean): ChangesSeen {
  const [keep] = useKeepChangeOutline();
  // Compared while rendering (React's "information from previous renders"), not in an
  // effect: the maps' paint, in this render's effects, needs to know what changed.
  const [seen, setSeen] = useState<{ data: Float32Array; delta: Delta | undefined }>({
    data,
    delta: undefined,
  });
  let delta = seen.delta;
  if (seen.data !== data) {
    const before = seen.data;
    delta =
      live || before.length !== data.length
        ? undefined
        : { before, change: changedCells(before, data) };
    setSeen({ data, delta });
  }
  const [expired, setExpired] = useState<Delta | null>(null);
  useEffect(() => {
    if (!delta?.change || keep) return;
    const id = setTimeout(() => setExpired(delta), CHANGE_OUTLINE_MS);
    return () => clearTimeout(id);
  }, [delta, keep]);
  const outlined = delta?.change && expired !== delta ? delta.change : undefined;
  return { delta, outlined };
}
