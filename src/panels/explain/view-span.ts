import type { WindowInfo } from '../../graph/window.ts';

/** Rows (or columns) of the padded input the explain view draws: `from` included, `to` not. */
export interface Span {
  from: number;
  to: number;
}

/** Most rows or columns of input the explain view draws around the window. */
export const MAX_VIEW = 11;

/**
 * Which stretch of one axis to draw: all of it, padding included (`-before` to
 * `length + after`), when it fits in `max`; otherwise `max` cells centred on the window
 * `[start, start + size)`, kept inside the padded input.
 * @example viewSpan(0, 3, 28, 0, 0, 11) // { from: 0, to: 11 }
 */
export function viewSpan(
  start: number,
  size: number,
  length: number,
  before: number,
  after: number,
  max = MAX_VIEW,
): Span {
  const lo = 0 - before; // not -before: -0 for no padding
  const hi = length + after;
  const room = Math.max(max, size);
  if (hi - lo <= room) return { from: lo, to: hi };
  const centred = start - Math.floor((room - size) / 2);
  const from = Math.max(lo, Math.min(hi - room, centred));
  return { from, to: from + room };
}

/** The rows and columns of padded input to draw for the window of output (row, col). */
export function inputView(g: WindowInfo, row: number, col: number): { rows: Span; cols: Span } {
  return {
    rows: viewSpan(row * g.sh - g.padTop, g.kh, g.inH, g.padTop, g.padBottom),
    cols: viewSpan(col * g.sw - g.padLeft, g.kw, g.inW, g.padLeft, g.padRight),
  };
}
