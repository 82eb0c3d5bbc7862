import type { CellChange } from './change-outline.ts';
import type { TensorColorScale } from './color-scale.ts';
import type { MapLayout } from './map-layout.ts';

/** Rows and columns, inclusive, of a rectangle of one map's cells. */
export interface CellBox {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * The rows and columns that bound a channel's marked cells, or null when none is marked.
 * Only cells `from` to `to` (indices into the map, inclusive) are looked at; `marks[k]` is
 * the mark of flat index `k + offset`.
 */
export function markedBox(
  layout: MapLayout,
  channel: number,
  marks: Uint8Array,
  from = 0,
  to = layout.count - 1,
  offset = 0,
): CellBox | null {
  let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
  const { channels, cols } = layout;
  let row = Math.floor(from / cols);
  let col = from - row * cols;
  let i = from;
  for (let at = from * channels + channel - offset; i <= to; i++, at += channels) {
    if (marks[at]) {
      if (row < top) top = row;
      if (col < left) left = col;
      if (row > bottom) bottom = row;
      if (col > right) right = col;
      // Every column is in: only the last marked row is left to find, from the end.
      if (left === 0 && right === cols - 1) break;
    }
    if (++col === cols) {
      col = 0;
      row++;
    }
  }
  for (let j = to, at = to * channels + channel - offset; j > i; j--, at -= channels)
    if (marks[at]) {
      bottom = Math.max(bottom, Math.floor(j / cols));
      break;
    }
  return bottom < 0 ? null : { top, left, bottom, right };
}

/**
 * The box of a channel's cells that a change touched, or null if it touched none: only the
 * cells between its first and last changed value are looked at (a few rows, for a dot).
 */
export function changedBox(layout: MapLayout, channel: number, change: CellChange): CellBox | null {
  const { channels, count } = layout;
  const from = Math.floor(change.first / channels);
  const to = Math.min(count - 1, Math.floor(change.last / channels));
  return markedBox(layout, channel, change.marks, from, to, change.first);
}

/**
 * Writes one channel into the context's bitmap; a strip's unused tail stays transparent.
 * Returns the ImageData it painted through, to be passed back as `reuse` next time: a
 * recompute then repaints without allocating (and first touching) a fresh pixel buffer.
 *
 * `region`: when `reuse` holds this channel as last painted, with the same scale, only the
 * cells that changed since need painting: their box, or null for none. Undefined paints all.
 */
export function paintChannel(
  ctx: CanvasRenderingContext2D,
  layout: MapLayout,
  data: Float32Array,
  channel: number,
  scale: TensorColorScale,
  reuse: ImageData | null = null,
  region?: CellBox | null,
): ImageData {
  const fits = reuse?.width === layout.cols && reuse.height === layout.rows;
  if (reuse && fits && region !== undefined) {
    if (region) paintBox(ctx, layout, data, channel, scale, reuse, region);
    return reuse;
  }
  const image = reuse && fits ? reuse : ctx.createImageData(layout.cols, layout.rows);
  scale.fillRgba(image.data, data, channel, layout.channels, layout.count);
  if (image === reuse) image.data.fill(0, 4 * layout.count);
  ctx.putImageData(image, 0, 0);
  return image;
}

/** Paint the cells of `box` into `image`, and only those onto the canvas. */
function paintBox(
  ctx: CanvasRenderingContext2D,
  layout: MapLayout,
  data: Float32Array,
  channel: number,
  scale: TensorColorScale,
  image: ImageData,
  box: CellBox,
): void {
  const { cols, channels, count } = layout;
  for (let row = box.top; row <= box.bottom; row++) {
    const start = row * cols + box.left;
    // A strip's short last row ends before the box's right edge.
    const width = Math.min(box.right + 1, count - row * cols) - box.left;
    if (width <= 0) continue;
    const pixels = image.data.subarray(4 * start, 4 * (start + width));
    scale.fillRgba(pixels, data, start * channels + channel, channels, width);
  }
  const width = box.right - box.left + 1;
  ctx.putImageData(image, 0, 0, box.left, box.top, width, box.bottom - box.top + 1);
}
