import type { Activation } from '../../graph/types.ts';
import type { WindowInfo } from '../../graph/window.ts';
import { activateInMemory } from './activations.ts';
import type { PackedWeights } from './pack.ts';
import { align, type KernelRuntime } from './runtime.ts';

/** Output pixels whose window origins are computed at once (a multiple of the 4-pixel tile). */
const CHUNK = 240;

/**
 * Conv2D with the SIMD kernels: the same geometry and result as kernels/conv2d.ts within
 * float32 rounding (float32 accumulation in a different order: not bit-identical).
 * The input is copied once into kernel memory, zero-padded as `g` says; the output, activation
 * applied, is copied out into `into` when it has the output's length, else a new array.
 */
export function conv2dWasm(
  rt: KernelRuntime,
  x: Float32Array,
  w: PackedWeights,
  g: WindowInfo,
  activation: Activation,
  into?: Float32Array,
): Float32Array {
  const { inC, kh, kw, sh, sw, outH, outW, filters } = { ...g, filters: w.filters };
  const wAt = rt.weights.locate(w, () => rt.f32);
  const hp = g.inH + g.padTop + g.padBottom;
  const wp = g.inW + g.padLeft + g.padRight;
  const inBytes = align(hp * wp * inC * 4);
  const outLen = outH * outW * filters;
  const outBytes = align(outLen * 4);
  const base = rt.scratch(inBytes + outBytes + (CHUNK + 8) * 4 + 64);
  const xp = base;
  const out = xp + inBytes;
  const bases = out + outBytes;
  copyPadded(rt.f32, x, xp >> 2, g, wp);
  const rowStride = wp * inC * 4;
  rt.exports.conv(
    xp,
    rowStride,
    sw * inC * 4,
    sh * rowStride,
    kh,
    kw * inC,
    outH,
    outW,
    wAt,
    wAt + w.biasAt * 4,
    filters,
    out,
    activation === 'relu' ? 1 : 0,
    bases,
    CHUNK,
    0,
  );
  if (activation !== 'relu') activateInMemory(rt, out, outLen, activation, filters);
  return rt.copyOut(out, outLen, into);
}

/** Write x into `dst` (a float index) as an [inH+pads, wp, inC] image with zero borders. */
function copyPadded(
  mem: Float32Array,
  x: Float32Array,
  dst: number,
  g: WindowInfo,
  wp: number,
): void {
  const { inH, inW, inC, padTop, padBottom, padLeft, padRight } = g;
  if (padTop + padBottom + padLeft + padRight === 0) {
    mem.set(x, dst);
    return;
  }
  const rowLen = wp * inC;
  mem.fill(0, dst, dst + padTop * rowLen);
  let at = dst + padTop * rowLen;
  for (let y = 0; y < inH; y++, at += rowLen) {
    if (padLeft) mem.fill(0, at, at + padLeft * inC);
    mem.set(x.subarray(y * inW * inC, (y + 1) * inW * inC), at + padLeft * inC);
    if (padRight) mem.fill(0, at + (padLeft + inW) * inC, at + rowLen);
  }
  mem.fill(0, at, at + padBottom * rowLen);
}
