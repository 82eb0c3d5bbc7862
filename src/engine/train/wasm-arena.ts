import type { KernelRuntime } from '../wasm/runtime.ts';
import type { FloatAllocator } from './floats.ts';

/** Bytes 0..63 are the kernels' temporary; every buffer starts on a 64-byte line. */
const BASE = 64;
/** Past each buffer: a partial SIMD tile may read (never write) this far beyond its end. */
const SLACK = 32;

function nextAt(at: number, bytes: number): number {
  return Math.ceil((at + bytes + SLACK) / 64) * 64;
}

/** Counts what a build would allocate, handing out plain arrays: the sizing pass. */
export class CountingAllocator implements FloatAllocator {
  bytes = BASE;
  floats(n: number): Float32Array {
    this.bytes = nextAt(this.bytes, n * 4);
    return new Float32Array(n);
  }
  ints(n: number): Int32Array {
    this.bytes = nextAt(this.bytes, n * 4);
    return new Int32Array(n);
  }
}

/**
 * Buffers laid out one after another in a kernel instance's memory, which is grown once,
 * up front, to `bytes` (a CountingAllocator's total over the same build): growing later
 * would detach every view handed out before.
 */
export class WasmArena implements FloatAllocator {
  private at = BASE;

  constructor(
    readonly rt: KernelRuntime,
    private readonly bytes: number,
  ) {
    rt.ensureBytes(bytes);
  }

  floats(n: number): Float32Array {
    return new Float32Array(this.rt.exports.memory.buffer, this.take(n * 4), n);
  }

  ints(n: number): Int32Array {
    return new Int32Array(this.rt.exports.memory.buffer, this.take(n * 4), n);
  }

  private take(bytes: number): number {
    const at = this.at;
    this.at = nextAt(at, bytes);
    if (this.at > this.bytes)
      throw new Error(`training buffers: ${this.at} bytes needed, ${this.bytes} reserved`);
    return at;
  }
}
