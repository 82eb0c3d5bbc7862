/**
 * A `[height, width, channels]` tensor as RGBA bytes for a canvas preview: one channel as
 * gray, three as RGB (others: the first channel as gray), `0` black and `max` white,
 * values outside clamped.
 * @example tensorToRgba([0, 1], 1, 2, 1, 1) // Uint8ClampedArray [0, 0, 0, 255, 255, 255, 255, 255]
 */
export function tensorToRgba(
  data: readonly number[] | Float32Array,
  height: number,
  width: number,
  channels: number,
  max: number,
): Uint8ClampedArray<ArrayBuffer> {
  const n = height * width;
  const out = new Uint8ClampedArray(n * 4);
  const scale = max > 0 ? 255 / max : 0;
  for (let p = 0; p < n; p++) {
    for (let c = 0; c < 3; c++) {
      const source = channels === 3 ? c : 0;
      out[p * 4 + c] = data[p * channels + source]! * scale;
    }
    out[p * 4 + 3] = 255;
  }
  return out;
}
