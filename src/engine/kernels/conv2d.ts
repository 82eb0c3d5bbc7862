import type { WindowInfo } from '../../graph/window.ts';

/**
 * Conv2D as Keras computes it: cross-correlation (the kernel is not flipped), zero padding
 * from `g`, kernel laid out `[kh, kw, inC, filters]`, output `[outH, outW, filters]`.
 * Sums are accumulated in float64 and rounded once; the bias is added to the rounded sum.
 */
export function conv2d(
  x: Float32Array,
  w: Float32Array,
  bias: Float32Array | null,
  g: WindowInfo,
  filters: number,
): Float32Array {
  const { inH, inW, inC, kh, kw, sh, sw, outH, outW, padTop, padLeft } = g;
  const out = new Float32Array(outH * outW * filters);
  const acc = new Float64Array(filters);
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      acc.fill(0);
      for (let ky = 0; ky < kh; ky++) {
        const iy = oy * sh - padTop + ky;
        if (iy < 0 || iy >= inH) continue;
        for (let kx = 0; kx < kw; kx++) {
          const ix = ox * sw - padLeft + kx;
          if (ix < 0 || ix >= inW) continue;
          const xBase = (iy * inW + ix) * inC;
          const wBase = (ky * kw + kx) * inC * filters;
          for (let c = 0; c < inC; c++) {
            const v = x[xBase + c];
            if (v === 0) continue;
            const wRow = wBase + c * filters;
            for (let f = 0; f < filters; f++) acc[f] += v * w[wRow + f];
          }
        }
      }
      const o = (oy * outW + ox) * filters;
      for (let f = 0; f < filters; f++) out[o + f] = bias ? Math.fround(acc[f]) + bias[f] : acc[f];
    }
  }
  return out;
}
