/** The source pixels one destination pixel reads along an axis, and their weights (sum 1). */
export interface Tap {
  first: number;
  weights: number[];
}

/** A rectangle of the source, in pixels (may start at a fraction when cropping). */
export interface SourceRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * How each of `dstLen` pixels samples the span `[start, start + len)` of a source axis of
 * `srcLen` pixels. Shrinking averages the area each destination pixel covers (a box filter
 * as wide as the scale, so a 4000-pixel row shrunk to 28 is not aliased); growing
 * interpolates linearly between pixel centres, clamped at the edges.
 * @example axisTaps(4, 0, 4, 2) // [{ first: 0, weights: [0.5, 0.5] }, { first: 2, weights: [0.5, 0.5] }]
 */
export function axisTaps(srcLen: number, start: number, len: number, dstLen: number): Tap[] {
  const scale = len / dstLen;
  const taps: Tap[] = [];
  for (let i = 0; i < dstLen; i++)
    taps.push(
      scale >= 1 ? areaTap(srcLen, start + i * scale, scale) : linearTap(srcLen, start, i, scale),
    );
  return taps;
}

function areaTap(srcLen: number, from: number, scale: number): Tap {
  // Clamped to the axis: float error must not reach a pixel past the end.
  const to = Math.min(from + scale, srcLen);
  const first = Math.min(Math.floor(from), srcLen - 1);
  const overlaps: number[] = [];
  for (let j = first; j < to; j++) overlaps.push(Math.min(j + 1, to) - Math.max(j, from));
  const total = overlaps.reduce((a, b) => a + b, 0);
  return { first, weights: total > 0 ? overlaps.map((o) => o / total) : [1] };
}

function linearTap(srcLen: number, start: number, i: number, scale: number): Tap {
  const centre = Math.min(Math.max(start + (i + 0.5) * scale - 0.5, 0), srcLen - 1);
  const first = Math.floor(centre);
  const t = centre - first;
  return first + 1 < srcLen && t > 0 ? { first, weights: [1 - t, t] } : { first, weights: [1] };
}

/**
 * Resize interleaved `channels`-channel float pixels (`width`×`height`, row-major) to
 * `dstWidth`×`dstHeight`, reading only `rect` of the source: rows first, then columns, each
 * with {@link axisTaps}. Area averaging when shrinking, bilinear when growing.
 * @example resample(Float32Array.of(0, 1, 2, 3), 2, 2, 1, 1, 1) // Float32Array [1.5]
 */
export function resample(
  src: Float32Array,
  width: number,
  height: number,
  channels: number,
  dstWidth: number,
  dstHeight: number,
  rect: SourceRect = { x: 0, y: 0, width, height },
): Float32Array {
  const across = axisTaps(width, rect.x, rect.width, dstWidth);
  const down = axisTaps(height, rect.y, rect.height, dstHeight);
  const rows = new Set<number>();
  for (const tap of down) tap.weights.forEach((_, k) => rows.add(tap.first + k));
  // Only the rows the vertical pass reads are resized horizontally.
  const wide = new Map<number, Float32Array>();
  for (const y of rows) wide.set(y, resampleRow(src, y * width * channels, across, channels));
  const out = new Float32Array(dstWidth * dstHeight * channels);
  const rowLen = dstWidth * channels;
  down.forEach((tap, y) => {
    tap.weights.forEach((w, k) => {
      const row = wide.get(tap.first + k)!;
      for (let i = 0; i < rowLen; i++) out[y * rowLen + i]! += w * row[i]!;
    });
  });
  return out;
}

function resampleRow(src: Float32Array, offset: number, taps: Tap[], channels: number) {
  const row = new Float32Array(taps.length * channels);
  taps.forEach((tap, x) => {
    tap.weights.forEach((w, k) => {
      const at = offset + (tap.first + k) * channels;
      for (let c = 0; c < channels; c++) row[x * channels + c]! += w * src[at + c]!;
    });
  });
  return row;
}
