/**
 * The float arrays training works on. The engine trains in float32; the gradient checks run
 * the very same code in float64, so a finite difference is exact enough to judge it.
 */
export type Floats = Float32Array | Float64Array;

/** How a model gets its buffers: all of them at build time, none per step. */
export interface FloatAllocator {
  floats(n: number): Floats;
  ints(n: number): Int32Array;
}

/** Separate `Float32Array`s (or `Float64Array`s, for gradient checks). */
export function plainAllocator(kind: 'float32' | 'float64' = 'float32'): FloatAllocator {
  return {
    floats: (n) => (kind === 'float32' ? new Float32Array(n) : new Float64Array(n)),
    ints: (n) => new Int32Array(n),
  };
}
