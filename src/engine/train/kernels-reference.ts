import type { WindowInfo } from '../../graph/window.ts';
import type { TrainKernels } from './kernels.ts';

/**
 * Straightforward loops in the arrays' own precision (sums in float64, stored once): the
 * definition the fast kernels are tested against, and what the gradient checks run in float64.
 */
export const referenceKernels: TrainKernels = {
  convForward(x, w, bias, g, filters, n, out, relu) {
    const inSize = g.inH * g.inW * g.inC;
    const outSize = g.outH * g.outW * filters;
    const acc = new Float64Array(filters);
    for (let s = 0; s < n; s++) {
      forEachPixel(g, (oy, ox) => {
        for (let f = 0; f < filters; f++) acc[f] = bias ? bias[f]! : 0;
        forEachTap(g, oy, ox, (xi, wi) => {
          for (let c = 0; c < g.inC; c++) {
            const v = x[s * inSize + xi + c]!;
            const row = (wi + c) * filters;
            for (let f = 0; f < filters; f++) acc[f]! += v * w[row + f]!;
          }
        });
        const o = s * outSize + (oy * g.outW + ox) * filters;
        for (let f = 0; f < filters; f++) out[o + f] = relu ? Math.max(acc[f]!, 0) : acc[f]!;
      });
    }
  },

  convBackwardFilter(x, dz, g, filters, n, dw) {
    const inSize = g.inH * g.inW * g.inC;
    const outSize = g.outH * g.outW * filters;
    dw.fill(0);
    for (let s = 0; s < n; s++) {
      forEachPixel(g, (oy, ox) => {
        const o = s * outSize + (oy * g.outW + ox) * filters;
        forEachTap(g, oy, ox, (xi, wi) => {
          for (let c = 0; c < g.inC; c++) {
            const v = x[s * inSize + xi + c]!;
            const row = (wi + c) * filters;
            for (let f = 0; f < filters; f++) dw[row + f]! += v * dz[o + f]!;
          }
        });
      });
    }
  },

  convBackwardInput(dz, w, g, filters, n, dx) {
    const inSize = g.inH * g.inW * g.inC;
    const outSize = g.outH * g.outW * filters;
    dx.fill(0, 0, n * inSize);
    for (let s = 0; s < n; s++) {
      forEachPixel(g, (oy, ox) => {
        const o = s * outSize + (oy * g.outW + ox) * filters;
        forEachTap(g, oy, ox, (xi, wi) => {
          for (let c = 0; c < g.inC; c++) {
            const row = (wi + c) * filters;
            let sum = 0;
            for (let f = 0; f < filters; f++) sum += w[row + f]! * dz[o + f]!;
            dx[s * inSize + xi + c]! += sum;
          }
        });
      });
    }
  },

  denseForward(x, w, bias, rows, inUnits, units, out, relu) {
    for (let r = 0; r < rows; r++) {
      for (let u = 0; u < units; u++) {
        let sum = bias ? bias[u]! : 0;
        for (let i = 0; i < inUnits; i++) sum += x[r * inUnits + i]! * w[i * units + u]!;
        out[r * units + u] = relu ? Math.max(sum, 0) : sum;
      }
    }
  },

  denseBackwardFilter(x, dz, rows, inUnits, units, dw) {
    for (let i = 0; i < inUnits; i++) {
      for (let u = 0; u < units; u++) {
        let sum = 0;
        for (let r = 0; r < rows; r++) sum += x[r * inUnits + i]! * dz[r * units + u]!;
        dw[i * units + u] = sum;
      }
    }
  },

  denseBackwardInput(dz, w, rows, inUnits, units, dx) {
    for (let r = 0; r < rows; r++) {
      for (let i = 0; i < inUnits; i++) {
        let sum = 0;
        for (let u = 0; u < units; u++) sum += dz[r * units + u]! * w[i * units + u]!;
        dx[r * inUnits + i] = sum;
      }
    }
  },

  maxPoolForward(x, g, n, out, argmax) {
    const { inH, inW, inC, kh, kw, sh, sw, outH, outW, padTop, padLeft } = g;
    const inSize = inH * inW * inC;
    for (let s = 0; s < n; s++) {
      for (let oy = 0; oy < outH; oy++) {
        const y0 = Math.max(oy * sh - padTop, 0);
        const y1 = Math.min(oy * sh - padTop + kh, inH);
        for (let ox = 0; ox < outW; ox++) {
          const x0 = Math.max(ox * sw - padLeft, 0);
          const x1 = Math.min(ox * sw - padLeft + kw, inW);
          const o = (s * outH * outW + oy * outW + ox) * inC;
          for (let c = 0; c < inC; c++) {
            let best = -Infinity;
            let at = -1;
            for (let iy = y0; iy < y1; iy++) {
              for (let ix = x0; ix < x1; ix++) {
                const i = s * inSize + (iy * inW + ix) * inC + c;
                if (x[i]! > best || at < 0) {
                  best = x[i]!;
                  at = i;
                }
              }
            }
            out[o + c] = best;
            argmax[o + c] = at;
          }
        }
      }
    }
  },

  maxPoolBackward(dy, argmax, count, dx, inCount) {
    dx.fill(0, 0, inCount);
    for (let o = 0; o < count; o++) dx[argmax[o]!]! += dy[o]!;
  },

  reluBackward(y, dy, count) {
    for (let i = 0; i < count; i++) if (!(y[i]! > 0)) dy[i] = 0;
  },

  biasGrad(dz, rows, units, g) {
    g.fill(0);
    for (let o = 0; o < rows * units; o += units)
      for (let u = 0; u < units; u++) g[u]! += dz[o + u]!;
  },
};

/** Call `visit(oy, ox)` for every output pixel. */
function forEachPixel(g: WindowInfo, visit: (oy: number, ox: number) => void): void {
  for (let oy = 0; oy < g.outH; oy++) for (let ox = 0; ox < g.outW; ox++) visit(oy, ox);
}

/**
 * Call `visit(xi, wi)` for each kernel tap of output pixel (oy, ox) that lands inside the
 * input (padding cells are zeros and contribute nothing): `xi` is the input cell's offset
 * within a sample,  `wi` = (ky · kw + kx) · inC.
 */
function forEachTap(
  g: WindowInfo,
  oy: number,
  ox: number,
  visit: (xi: number, wi: number) => void,
): void {
  for (let ky = 0; ky < g.kh; ky++) {
    const iy = oy * g.sh - g.padTop + ky;
    if (iy < 0 || iy >= g.inH) continue;
    for (let kx = 0; kx < g.kw; kx++) {
      const ix = ox * g.sw - g.padLeft + kx;
      if (ix < 0 || ix >= g.inW) continue;
      // The kernel offset of tap (ky, kx, c, f) is (wi + c) · filters + f.
      visit((iy * g.inW + ix) * g.inC, (ky * g.kw + kx) * g.inC);
    }
  }
}
