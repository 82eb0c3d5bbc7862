import type { Activation } from '../../graph/types.ts';
import { activateInMemory } from './activations.ts';
import type { PackedWeights } from './pack.ts';
import { align, type KernelRuntime } from './runtime.ts';

/** As in conv2d.ts: rows whose origins the GEMM computes at once. */
const CHUNK = 240;

/**
 * Dense along the last axis with the SIMD kernels: a matrix-vector product for one input
 * vector, else the convolution kernel as a plain GEMM (rows × inUnits by inUnits × units).
 * Within float32 rounding of kernels/dense.ts, not bit-identical.
 */
export function denseWasm(
  rt: KernelRuntime,
  x: Float32Array,
  w: PackedWeights,
  activation: Activation,
  into?: Float32Array,
): Float32Array {
  const { depth, filters } = w;
  const rows = x.length / depth;
  const wAt = rt.weights.locate(w, () => rt.f32);
  const inBytes = align(x.length * 4);
  const outLen = rows * filters;
  const outBytes = align(outLen * 4);
  const base = rt.scratch(inBytes + outBytes + (CHUNK + 8) * 4);
  const out = base + inBytes;
  rt.f32.set(x, base >> 2);
  const relu = activation === 'relu' ? 1 : 0;
  const bias = wAt + w.biasAt * 4;
  if (rows === 1) rt.exports.gemv(base, depth, wAt, bias, filters, out, relu, 0);
  else {
    const bases = out + outBytes;
    // Each row is a 1×1 "window" of depth floats: kh = 1, rows one pixel apart.
    rt.exports.conv(
      base,
      0,
      depth * 4,
      0,
      1,
      depth,
      1,
      rows,
      wAt,
      bias,
      filters,
      out,
      relu,
      bases,
      CHUNK,
      0,
    );
  }
  if (activation !== 'relu') activateInMemory(rt, out, outLen, activation, filters);
  return rt.copyOut(out, outLen, into);
}
