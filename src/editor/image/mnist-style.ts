import { resample } from './resample.ts';

/** Ink fainter than this is background when finding a drawing's bounding box. */
const INK = 0.05;

/**
 * A drawing on a `side`×`side`×1 canvas as MNIST's digits were prepared: the bounding box of
 * the ink scaled (keeping its aspect) to fit a `box`×`box` square, then placed so its centre
 * of mass sits at the canvas's centre. A blank drawing comes back unchanged.
 * @example centerLikeMnist(pixels) // 784 values, the digit 20 px tall and centred
 */
export function centerLikeMnist(src: Float32Array, side = 28, box = 20): Float32Array {
  let [x0, y0, x1, y1] = [side, side, -1, -1];
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++)
      if (src[y * side + x]! > INK) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
  if (x1 < 0) return Float32Array.from(src);
  const [bw, bh] = [x1 - x0 + 1, y1 - y0 + 1];
  const scale = box / Math.max(bw, bh);
  const [w, h] = [Math.max(1, Math.round(bw * scale)), Math.max(1, Math.round(bh * scale))];
  const digit = resample(src, side, side, 1, w, h, { x: x0, y: y0, width: bw, height: bh });
  let [mass, cx, cy] = [0, 0, 0];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const v = digit[y * w + x]!;
      mass += v;
      cx += v * (x + 0.5);
      cy += v * (y + 0.5);
    }
  const left = Math.round(side / 2 - cx / mass);
  const top = Math.round(side / 2 - cy / mass);
  const out = new Float32Array(side * side);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const [tx, ty] = [x + left, y + top];
      if (tx >= 0 && tx < side && ty >= 0 && ty < side)
        out[ty * side + tx] = Math.min(1, Math.max(0, Math.round(digit[y * w + x]! * 1e4) / 1e4));
    }
  return out;
}
