import type { Activation } from '../../graph/types.ts';
import type { WindowInfo } from '../../graph/window.ts';
import { activateCopyWasm } from './activations.ts';
import { conv2dWasm } from './conv2d.ts';
import { denseWasm } from './dense.ts';
import { maxPoolWasm } from './max-pool.ts';
import type { PackedWeights } from './pack.ts';
import { kernelRuntime, loadedRuntime, type KernelRuntime } from './runtime.ts';

export { packWeights, type PackedWeights } from './pack.ts';

/**
 * The WebAssembly SIMD path: AssemblyScript kernels (assembly/), compiled at install time.
 * Each function here always takes that path, so tests can hold it against the TypeScript
 * kernels; the registry decides which path a node takes. Results are within float32 rounding
 * of the TypeScript kernels (float32 accumulation, another order), not bit-identical; max
 * pooling, which only compares, is identical.
 */

/** Whether WebAssembly SIMD128 runs here (instantiates the kernels on first call). */
export function simdAvailable(): boolean {
  return kernelRuntime() !== null;
}

function runtime(): KernelRuntime {
  const rt = kernelRuntime();
  if (!rt) throw new Error('WebAssembly SIMD is not available here');
  return rt;
}

/*
 * Each takes an optional `into`: an array the result may be written to (and returned) when
 * its length is exactly the output's, such as the node's previous output. Otherwise, and
 * without it, the result is a new array.
 */

/**
 * Conv2D (kernel [kh, kw, inC, filters] packed with depth kh·kw·inC), then the activation.
 * @example conv2dSimd(x, packWeights(kernel, bias, 3 * 3 * inC, filters), g, 'relu')
 */
export function conv2dSimd(
  x: Float32Array,
  w: PackedWeights,
  g: WindowInfo,
  activation: Activation,
  into?: Float32Array,
): Float32Array {
  return conv2dWasm(runtime(), x, w, g, activation, into);
}

/** Dense along the last axis (kernel [inUnits, units] packed with depth inUnits), then the activation. */
export function denseSimd(
  x: Float32Array,
  w: PackedWeights,
  activation: Activation,
  into?: Float32Array,
): Float32Array {
  return denseWasm(runtime(), x, w, activation, into);
}

/** The activation applied to a copy of `src`, as the Conv2D and Dense kernels apply it. */
export function activateCopySimd(
  src: Float32Array,
  activation: Activation,
  lastDim: number,
  into?: Float32Array,
): Float32Array {
  return activateCopyWasm(runtime(), src, activation, lastDim, into);
}

/** MaxPooling2D. */
export function maxPoolSimd(x: Float32Array, g: WindowInfo, into?: Float32Array): Float32Array {
  return maxPoolWasm(runtime(), x, g, into);
}

/**
 * Put another bias into packed weights (zeros for none), in place: the kernel panels, and
 * their copy in kernel memory, stay as they are.
 */
export function setPackedBias(w: PackedWeights, bias: Float32Array | null): void {
  w.data.fill(0, w.biasAt);
  if (bias) w.data.set(bias, w.biasAt);
  const rt = loadedRuntime();
  rt?.weights.refresh(w, w.biasAt, () => rt.f32);
}

/** Let the kernels reuse the memory these weights occupy (an edit replaced them). */
export function releaseWeights(w: PackedWeights): void {
  loadedRuntime()?.weights.release(w);
}

/** Size of the kernels' memory in bytes (0 before first use or without SIMD). */
export function simdMemoryBytes(): number {
  return loadedRuntime()?.memoryBytes ?? 0;
}
