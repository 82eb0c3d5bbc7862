import type { WindowInfo } from '../../graph/window.ts';
import { align, type KernelRuntime } from './runtime.ts';

/** MaxPooling2D with the SIMD kernels: bit-identical to kernels/max-pool.ts (no arithmetic). */
export function maxPoolWasm(
  rt: KernelRuntime,
  x: Float32Array,
  g: WindowInfo,
  into?: Float32Array,
): Float32Array {
  const outLen = g.outH * g.outW * g.inC;
  const inBytes = align(x.length * 4);
  const base = rt.scratch(inBytes + outLen * 4);
  const out = base + inBytes;
  rt.f32.set(x, base >> 2);
  rt.exports.maxPool(
    base,
    g.inH,
    g.inW,
    g.inC,
    g.kh,
    g.kw,
    g.sh,
    g.sw,
    g.outH,
    g.outW,
    g.padTop,
    g.padLeft,
    out,
  );
  return rt.copyOut(out, outLen, into);
}
