import { KERNELS_WASM_BASE64 } from './generated/kernels.wasm.ts';
import { copyInto } from '../tensor.ts';
import { ResidentWeights } from './resident-weights.ts';

// The core is compiled without DOM typings: the little of WebAssembly and atob used here.
declare const WebAssembly: {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
};
declare const atob: (data: string) => string;

/** The exports of assembly/index.ts (byte addresses and counts are i32). */
export interface KernelExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  conv(...args: number[]): void;
  gemv(...args: number[]): void;
  maxPool(...args: number[]): void;
  relu(p: number, n: number): void;
  sigmoid(p: number, n: number): void;
  tanh(p: number, n: number): void;
  softmax(p: number, n: number, lastDim: number): void;
  gemmTN(...args: number[]): void;
  im2col(...args: number[]): void;
  col2im(...args: number[]): void;
  maxPoolArg(...args: number[]): void;
  reluBackward(y: number, dy: number, count: number): void;
  columnSums(dz: number, rows: number, units: number, g: number): void;
  scatterAdd(dy: number, arg: number, count: number, dx: number, inCount: number): void;
}

const PAGE = 65536;
/** Bytes 0..63 are the kernels' 32-byte temporary; resident weights start here. */
const WEIGHTS_BASE = 64;
/** Above this many bytes of resident weights, the least recently used are evicted. */
const WEIGHT_BUDGET = 64 * 1024 * 1024;

/** A function returning a v128 (i8x16.popcnt of a splat): valid only where SIMD128 is. */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15,
  253, 98, 11,
]);

/**
 * One instance of the SIMD kernels and its memory: resident weights at the bottom (see
 * ResidentWeights), then per-call scratch, which moves up when the weights need room (it
 * holds nothing between calls). Memory only grows; it is reused by every later call.
 */
export class KernelRuntime {
  readonly weights: ResidentWeights;
  private view: Float32Array;

  constructor(readonly exports: KernelExports) {
    this.view = new Float32Array(exports.memory.buffer);
    this.weights = new ResidentWeights(WEIGHTS_BASE, WEIGHT_BUDGET, (bytes) =>
      this.ensureBytes(bytes),
    );
  }

  /** A float view of the whole memory, current after any growth. */
  get f32(): Float32Array {
    if (this.view.buffer !== this.exports.memory.buffer)
      this.view = new Float32Array(this.exports.memory.buffer);
    return this.view;
  }

  /** Byte address of a scratch area of `bytes`, above the resident weights (64-byte aligned). */
  scratch(bytes: number): number {
    const base = align(this.weights.end);
    this.ensureBytes(base + bytes);
    return base;
  }

  /**
   * The `n` floats at byte address `at`, copied out of kernel memory (which the next call
   * reuses) into `into` when it holds exactly `n` floats, else into a new array.
   * Writing into the node's previous output spares a fresh allocation, whose first touch
   * (page faults) can cost more than the copy itself.
   */
  copyOut(at: number, n: number, into?: Float32Array): Float32Array {
    return copyInto(new Float32Array(this.exports.memory.buffer, at, n), into);
  }

  get memoryBytes(): number {
    return this.exports.memory.buffer.byteLength;
  }

  /** Grow the memory (never shrinks) until it holds at least `bytes`. */
  ensureBytes(bytes: number): void {
    const have = this.exports.memory.buffer.byteLength;
    if (bytes <= have) return;
    // Grow by at least half again, so a sequence of slightly larger calls does not grow each time.
    const want = Math.max(bytes, have + (have >> 1));
    this.exports.memory.grow(Math.ceil((want - have) / PAGE));
  }
}

/** Round a byte address up to a cache line. */
export function align(bytes: number): number {
  return Math.ceil(bytes / 64) * 64;
}

let runtime: KernelRuntime | null | undefined;

/**
 * The SIMD kernels, instantiated on first use; null where WebAssembly SIMD128 is missing or
 * the module cannot be compiled here (the callers then use the TypeScript kernels).
 */
export function kernelRuntime(): KernelRuntime | null {
  if (runtime === undefined) runtime = instantiate();
  return runtime;
}

/** The kernels if they have been instantiated, without instantiating them. */
export function loadedRuntime(): KernelRuntime | null {
  return runtime ?? null;
}

let compiled: object | null | undefined;

/**
 * A new instance of the kernels with a memory of its own (training lays out its buffers in
 * one), or null where WebAssembly SIMD128 is missing. The module is compiled once.
 */
export function newKernelRuntime(): KernelRuntime | null {
  if (compiled === undefined) compiled = compile();
  if (compiled === null) return null;
  const instance = new WebAssembly.Instance(compiled, {});
  return new KernelRuntime(instance.exports as KernelExports);
}

function compile(): object | null {
  try {
    if (typeof WebAssembly !== 'object' || !WebAssembly.validate(SIMD_PROBE)) return null;
    const bytes = Uint8Array.from(atob(KERNELS_WASM_BASE64), (c) => c.charCodeAt(0));
    // Synchronous compilation: fine in Node and a worker (browsers refuse it for large
    // modules on the main thread, where the catch below falls back to TypeScript).
    return new WebAssembly.Module(bytes);
  } catch {
    return null;
  }
}

function instantiate(): KernelRuntime | null {
  try {
    const rt = newKernelRuntime();
    if (rt) warmUp(rt);
    return rt;
  } catch {
    return null;
  }
}

/**
 * Run each kernel a few times on zeros. V8 first runs WebAssembly from its baseline
 * compiler (Liftoff, several times slower for SIMD loops) and optimizes a function only
 * after it has executed enough code; this spends that budget here, a few milliseconds once,
 * instead of on the first real layers. The optimized code arrives in the background.
 */
function warmUp(rt: KernelRuntime): void {
  const side = 32;
  const c = 8;
  const n = side * side * c;
  const at = rt.scratch(n * 4 * 3 + 4096);
  const out = at + n * 4;
  const w = out + n * 4;
  rt.f32.fill(0, at >> 2, (at + n * 4 * 3 + 4096) >> 2);
  const row = side * c * 4;
  for (let i = 0; i < 3; i++) {
    rt.exports.conv(
      at,
      row,
      c * 4,
      row,
      3,
      3 * c,
      side - 2,
      side - 2,
      w,
      w,
      c,
      out,
      0,
      w + n * 4,
      240,
      0,
    );
    rt.exports.gemv(at, n / 8, w, w, 8, out, 1, 0);
    rt.exports.maxPool(at, side, side, c, 2, 2, 2, 2, side / 2, side / 2, 0, 0, out);
    rt.exports.relu(at, n);
    rt.exports.sigmoid(at, n);
    rt.exports.tanh(at, n);
    rt.exports.softmax(at, n, c);
  }
}
