import { formatShape } from './shape.ts';
import type { Padding } from './types.ts';

/**
 * Geometry of a 2-D sliding window (convolution or pooling) over an `[H, W, C]` input.
 * The one place output sizes and padding are computed: kernels, shape inference, the
 * explain view and the UI's shape labels all read it (as tfjs's `computeConv2DInfo`).
 */
export interface WindowInfo {
  inH: number;
  inW: number;
  inC: number;
  kh: number;
  kw: number;
  sh: number;
  sw: number;
  outH: number;
  outW: number;
  /** Zero rows above the input; TF puts the odd one of an uneven total at the bottom. */
  padTop: number;
  padLeft: number;
  padBottom: number;
  padRight: number;
}

export type WindowResult = { ok: true; info: WindowInfo } | { ok: false; error: string };

/**
 * TensorFlow's rules. `valid`: out = floor((in - k) / s) + 1, an error when k > in.
 * `same`: out = ceil(in / s), total padding max((out - 1)·s + k - in, 0), top/left get floor(total / 2).
 * @example windowInfo([5, 5, 1], [3, 3], [1, 1], 'same') // outH 5, padTop 1, padBottom 1
 */
export function windowInfo(
  input: readonly number[],
  size: readonly [number, number],
  strides: readonly [number, number],
  padding: Padding,
  what = 'kernel',
): WindowResult {
  if (input.length !== 3) {
    return {
      ok: false,
      error: `needs a rank-3 input (H×W×C), got a rank-${input.length} tensor of ${formatShape(input)}`,
    };
  }
  const [inH, inW, inC] = input as [number, number, number];
  const [kh, kw] = size;
  const [sh, sw] = strides;
  if (padding === 'valid' && (kh > inH || kw > inW)) {
    return {
      ok: false,
      error: `${what} ${kh}×${kw} is larger than its ${inH}×${inW} input with padding 'valid' (use 'same', or a smaller ${what})`,
    };
  }
  const [outH, padH] = axis(inH, kh, sh, padding);
  const [outW, padW] = axis(inW, kw, sw, padding);
  const padTop = Math.floor(padH / 2);
  const padLeft = Math.floor(padW / 2);
  const info = {
    inH,
    inW,
    inC,
    kh,
    kw,
    sh,
    sw,
    outH,
    outW,
    padTop,
    padLeft,
    padBottom: padH - padTop,
    padRight: padW - padLeft,
  };
  return { ok: true, info };
}

/** Output length and total padding along one axis. */
function axis(n: number, k: number, s: number, padding: Padding): [number, number] {
  if (padding === 'valid') return [Math.floor((n - k) / s) + 1, 0];
  const out = Math.ceil(n / s);
  return [out, Math.max((out - 1) * s + k - n, 0)];
}

/**
 * The output rows whose windows read any of input rows `from`..`to` (inclusive), or null for
 * none: what a change of those input rows can reach (the receptive field, inverted).
 * @example rowsReached(windowInfo([5, 5, 1], [3, 3], [1, 1], 'same').info, 4, 4) // [3, 4]
 */
export function rowsReached(g: WindowInfo, from: number, to: number): [number, number] | null {
  // Output row y reads input rows y·sh − padTop … y·sh − padTop + kh − 1.
  const first = Math.max(0, Math.ceil((from + g.padTop - g.kh + 1) / g.sh));
  const last = Math.min(g.outH - 1, Math.floor((to + g.padTop) / g.sh));
  return first <= last ? [first, last] : null;
}

/**
 * The window computing only output rows `from`..`to`, and the input rows it reads
 * (`inFrom`..`inTo`): a kernel given those input rows and this window computes exactly those
 * output rows, each as the whole window computes it. Null when the rows read no input row at
 * all (only padding), which a kernel cannot be given.
 */
export function rowsWindow(
  g: WindowInfo,
  from: number,
  to: number,
): { g: WindowInfo; inFrom: number; inTo: number } | null {
  const top = from * g.sh - g.padTop;
  const bottom = to * g.sh - g.padTop + g.kh - 1;
  const inFrom = Math.max(top, 0);
  const inTo = Math.min(bottom, g.inH - 1);
  if (inFrom > inTo) return null;
  return {
    g: {
      ...g,
      inH: inTo - inFrom + 1,
      outH: to - from + 1,
      padTop: inFrom - top,
      padBottom: bottom - inTo,
    },
    inFrom,
    inTo,
  };
}
