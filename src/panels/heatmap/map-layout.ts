/** How a tensor is cut into 2-D maps: one per channel for `[H, W, C]`, one strip for `[N]`. */
export interface MapLayout {
  readonly rank: 1 | 3;
  readonly rows: number;
  readonly cols: number;
  /** Number of maps; also the stride between neighbouring cells in the flat data. */
  readonly channels: number;
  /** Cells per map: `rows * cols`, or `N` for a strip whose last row is short. */
  readonly count: number;
  /** Small enough to write the numbers in DOM cells rather than paint a canvas. */
  readonly small: boolean;
}

/** Whether two layouts (or the problems given instead) are the same. */
export function sameLayout(a: MapLayout | string, b: MapLayout | string): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return (
    a.rank === b.rank &&
    a.rows === b.rows &&
    a.cols === b.cols &&
    a.channels === b.channels &&
    a.count === b.count &&
    a.small === b.small
  );
}

/** A cell of one map, as the grid, the canvas and `onSelectCell` address it. */
export interface CellPos {
  readonly channel: number;
  readonly row: number;
  readonly col: number;
}

/** A cell with its flat index into `tensor.data` and its value. */
export interface HeatmapCell extends CellPos {
  readonly index: number;
  readonly value: number;
}

export const SMALL_MAP_SIDE = 16;
export const SMALL_STRIP_LENGTH = 256;
/** A short strip wraps into rows of this many cells. */
export const STRIP_ROW = 16;

/**
 * Lays out a channels-last tensor, or explains why it cannot be drawn.
 *
 * @example
 * layoutFor([3, 3, 2], 18); // { rank: 3, rows: 3, cols: 3, channels: 2, count: 9, small: true }
 */
export function layoutFor(shape: readonly number[], length: number): MapLayout | string {
  const size = shape.reduce((n, d) => n * d, 1);
  if (shape.some((d) => !Number.isInteger(d) || d < 0)) return `bad shape ${shape.join('×')}`;
  if (size !== length) return `shape ${shape.join('×')} needs ${size} values, got ${length}`;
  if (size === 0) return 'empty tensor';
  if (shape.length === 1) return stripLayout(shape[0]);
  if (shape.length === 2 || shape.length === 3) {
    const [rows, cols, channels = 1] = shape;
    const small = rows <= SMALL_MAP_SIDE && cols <= SMALL_MAP_SIDE;
    return { rank: 3, rows, cols, channels, count: rows * cols, small };
  }
  return `cannot draw a rank-${shape.length} tensor`;
}

function stripLayout(n: number): MapLayout {
  const small = n <= SMALL_STRIP_LENGTH;
  // Long strips become near-square blocks whose row length is a power of two, so an
  // index is easy to read off: row * cols + col.
  const cols = small ? Math.min(n, STRIP_ROW) : Math.max(STRIP_ROW, nextPow2(Math.sqrt(n)));
  return { rank: 1, rows: Math.ceil(n / cols), cols, channels: 1, count: n, small };
}

function nextPow2(x: number): number {
  return 2 ** Math.ceil(Math.log2(x));
}

/** Flat index into `tensor.data` of a cell. */
export function cellIndex(layout: MapLayout, { channel, row, col }: CellPos): number {
  return (row * layout.cols + col) * layout.channels + channel;
}

/** Whether a cell exists (a strip's last row may be short). */
export function cellExists(layout: MapLayout, { channel, row, col }: CellPos): boolean {
  return (
    channel >= 0 &&
    channel < layout.channels &&
    row >= 0 &&
    col >= 0 &&
    col < layout.cols &&
    row * layout.cols + col < layout.count
  );
}

/** The cell at a position, with its index and value. */
export function cellAt(layout: MapLayout, data: ArrayLike<number>, pos: CellPos): HeatmapCell {
  const index = cellIndex(layout, pos);
  return { channel: pos.channel, row: pos.row, col: pos.col, index, value: data[index] };
}

/** Where an arrow, Home or End key moves the selected cell; `null` for other keys. */
export function moveCell(layout: MapLayout, pos: CellPos, key: string): CellPos | null {
  const linear = pos.row * layout.cols + pos.col;
  const at = (i: number): CellPos => ({
    channel: pos.channel,
    row: Math.floor(i / layout.cols),
    col: i % layout.cols,
  });
  const last = layout.count - 1;
  switch (key) {
    case 'ArrowLeft':
      // A strip reads in index order, so Left/Right wrap across rows; a channel map does not.
      return layout.rank === 1
        ? at(Math.max(0, linear - 1))
        : { ...pos, col: Math.max(0, pos.col - 1) };
    case 'ArrowRight':
      return layout.rank === 1
        ? at(Math.min(last, linear + 1))
        : { ...pos, col: Math.min(layout.cols - 1, pos.col + 1) };
    case 'ArrowUp':
      return linear - layout.cols >= 0 ? at(linear - layout.cols) : pos;
    case 'ArrowDown':
      return linear + layout.cols <= last ? at(linear + layout.cols) : pos;
    case 'Home':
      return { ...pos, col: 0 };
    case 'End':
      return at(Math.min(last, pos.row * layout.cols + layout.cols - 1));
    default:
      return null;
  }
}

/**
 * The cell under a point given as fractions of the drawn map's width and height (as a
 * canvas hover sees it); `null` outside the map or past the end of a strip.
 */
export function cellAtFraction(
  layout: MapLayout,
  channel: number,
  fx: number,
  fy: number,
): CellPos | null {
  if (!(fx >= 0 && fx < 1 && fy >= 0 && fy < 1)) return null;
  const pos = { channel, row: Math.floor(fy * layout.rows), col: Math.floor(fx * layout.cols) };
  return cellExists(layout, pos) ? pos : null;
}
