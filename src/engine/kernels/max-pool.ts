import type { WindowInfo } from '../../graph/window.ts';

/**
 * MaxPooling2D: the largest value in each window, per channel. With `same` padding the
 * padded cells are ignored, never treated as zeros (a window of negatives stays negative).
 */
export function maxPool(x: Float32Array, g: WindowInfo): Float32Array {
  const { inH, inW, inC, kh, kw, sh, sw, outH, outW, padTop, padLeft } = g;
  const out = new Float32Array(outH * outW * inC);
  for (let oy = 0; oy < outH; oy++) {
    const y0 = Math.max(oy * sh - padTop, 0);
    const y1 = Math.min(oy * sh - padTop + kh, inH);
    for (let ox = 0; ox < outW; ox++) {
      const x0 = Math.max(ox * sw - padLeft, 0);
      const x1 = Math.min(ox * sw - padLeft + kw, inW);
      const o = (oy * outW + ox) * inC;
      for (let c = 0; c < inC; c++) {
        let best = -Infinity;
        for (let iy = y0; iy < y1; iy++) {
          for (let ix = x0; ix < x1; ix++) {
            const v = x[(iy * inW + ix) * inC + c];
            if (v > best) best = v;
          }
        }
        out[o + c] = best;
      }
    }
  }
  return out;
}
