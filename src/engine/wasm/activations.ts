import type { Activation } from '../../graph/types.ts';
import type { KernelRuntime } from './runtime.ts';

/** Apply an activation to `n` floats at byte address `at` in kernel memory. */
export function activateInMemory(
  rt: KernelRuntime,
  at: number,
  n: number,
  activation: Activation,
  lastDim: number,
): void {
  switch (activation) {
    case 'linear':
      return;
    case 'relu':
      return rt.exports.relu(at, n);
    case 'sigmoid':
      return rt.exports.sigmoid(at, n);
    case 'tanh':
      return rt.exports.tanh(at, n);
    case 'softmax':
      return rt.exports.softmax(at, n, lastDim);
  }
}

/**
 * `activation` applied to a copy of `src` by the SIMD kernels (the same code the Conv2D and
 * Dense kernels run after their sums, so the same bits): into `into` when it has the length.
 */
export function activateCopyWasm(
  rt: KernelRuntime,
  src: Float32Array,
  activation: Activation,
  lastDim: number,
  into?: Float32Array,
): Float32Array {
  const at = rt.scratch(src.length * 4);
  rt.f32.set(src, at >> 2);
  activateInMemory(rt, at, src.length, activation, lastDim);
  return rt.copyOut(at, src.length, into);
}
