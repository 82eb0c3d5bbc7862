import type { WindowInfo } from '../../graph/window.ts';
import type { Floats } from './floats.ts';

/**
 * The batched loops training spends its time in, forward and backward. `referenceKernels`
 * (kernels-reference.ts) is plain TypeScript over float32 or float64 arrays, the yardstick;
 * a faster set must give the same numbers within float32 rounding.
 * Batches are `n` channels-last samples one after another; kernels are `[kh, kw, inC, filters]`
 * and `[inUnits, units]` as in Keras. Every function overwrites its output.
 */
export interface TrainKernels {
  /** out[n, oy, ox, f] = bias[f] + Σ x[window] · w[·, f], then max(·, 0) with `relu`. */
  convForward(
    x: Floats,
    w: Floats,
    bias: Floats | null,
    g: WindowInfo,
    filters: number,
    n: number,
    out: Floats,
    relu: boolean,
  ): void;
  /** dw[ky, kx, c, f] = Σ over samples and output pixels of x[window cell] · dz[pixel, f]. */
  convBackwardFilter(
    x: Floats,
    dz: Floats,
    g: WindowInfo,
    filters: number,
    n: number,
    dw: Floats,
  ): void;
  /** dx[cell] = Σ over the windows that read it of w[·, c, f] · dz[pixel, f]. */
  convBackwardInput(
    dz: Floats,
    w: Floats,
    g: WindowInfo,
    filters: number,
    n: number,
    dx: Floats,
  ): void;
  /** out[r, u] = bias[u] + Σ_i x[r, i] · w[i, u], for `rows` rows, then relu if asked. */
  denseForward(
    x: Floats,
    w: Floats,
    bias: Floats | null,
    rows: number,
    inUnits: number,
    units: number,
    out: Floats,
    relu: boolean,
  ): void;
  /** dw[i, u] = Σ_r x[r, i] · dz[r, u]. */
  denseBackwardFilter(
    x: Floats,
    dz: Floats,
    rows: number,
    inUnits: number,
    units: number,
    dw: Floats,
  ): void;
  /** dx[r, i] = Σ_u dz[r, u] · w[i, u]. */
  denseBackwardInput(
    dz: Floats,
    w: Floats,
    rows: number,
    inUnits: number,
    units: number,
    dx: Floats,
  ): void;
  /**
   * MaxPooling2D over `n` samples; `argmax[o]` is the index (within the batch) of the input
   * cell output `o` took: the first maximum in row-major window order, as TensorFlow picks.
   */
  maxPoolForward(x: Floats, g: WindowInfo, n: number, out: Floats, argmax: Int32Array): void;
  /** dx = 0 over its first `inCount` values, then dx[argmax[o]] += dy[o] for o < count. */
  maxPoolBackward(dy: Floats, argmax: Int32Array, count: number, dx: Floats, inCount: number): void;
  /** relu's gradient from its output: dy[i] = 0 where y[i] ≤ 0. */
  reluBackward(y: Floats, dy: Floats, count: number): void;
  /** g[u] = Σ_r dz[r, u]: a bias's gradient. */
  biasGrad(dz: Floats, rows: number, units: number, g: Floats): void;
}
