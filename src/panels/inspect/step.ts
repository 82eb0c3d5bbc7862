import { windowWalk } from '../../engine/explain/conv2d.ts';
import { sizeOf } from '../../graph/shape.ts';
import type { NodeShapeOk } from '../../graph/shape-inference.ts';

/** Steps per second the player offers; the slides' pace is about one a second. */
export const SPEEDS = [0.5, 1, 2, 4, 8] as const;
export const DEFAULT_SPEED = 1;

/**
 * The output cells in the order the explain view visits them, as flat indices into the
 * output. A sliding window walks one channel left to right, top to bottom (strides and
 * non-square windows as the geometry says); any other node goes in index order.
 * @example walkOf(convShape3x3x2, 1) // [1, 3, 5, …, 17]: filter 1's cells
 */
export function walkOf(shape: NodeShapeOk, channel: number): number[] {
  const g = shape.window;
  if (g && shape.shape.length === 3) {
    const channels = shape.shape[2];
    return windowWalk(g).map(({ row, col }) => (row * g.outW + col) * channels + channel);
  }
  return Array.from({ length: sizeOf(shape.shape) }, (_, i) => i);
}

/** Where the player stands: the current output cell, and whether it moves on by itself. */
export interface Playback {
  index: number;
  playing: boolean;
}

export type StepCommand = 'first' | 'back' | 'forward' | 'last' | 'play' | 'pause' | 'tick';

/**
 * The player's next state. Stepping by hand pauses; `play` at the end starts over; a `tick`
 * moves a playing walk on and stops it at the last cell.
 * @example stepPlayback([0, 1, 2], { index: 2, playing: false }, 'play') // { index: 0, playing: true }
 */
export function stepPlayback(
  walk: readonly number[],
  state: Playback,
  command: StepCommand,
): Playback {
  if (walk.length === 0) return { index: state.index, playing: false };
  const last = walk.length - 1;
  const at = walk.indexOf(state.index);
  const to = (position: number, playing: boolean): Playback => ({
    index: walk[Math.max(0, Math.min(last, position))],
    playing,
  });
  switch (command) {
    case 'first':
      return to(0, false);
    case 'last':
      return to(last, false);
    case 'back':
      return to(at < 0 ? 0 : at - 1, false);
    case 'forward':
      return to(at + 1, false);
    case 'play':
      return to(at < 0 || at === last ? 0 : at, true);
    case 'pause':
      return { index: state.index, playing: false };
    case 'tick':
      if (!state.playing) return state;
      return to(at + 1, at + 1 < last);
  }
}

/**
 * Which output cells the walk has reached when it stands on `index`: those up to and
 * including it are filled in, the rest still blank, as the slides fill the output image.
 * Cells the walk never visits (another channel) are 0.
 */
export function filledThrough(walk: readonly number[], index: number, size: number): Uint8Array {
  const filled = new Uint8Array(size);
  const at = walk.indexOf(index);
  for (let p = 0; p <= at; p++) if (walk[p] < size) filled[walk[p]] = 1;
  return filled;
}
