import type { NodeOf } from '../../../graph/types.ts';
import { mulberry32 } from '../../../graph/prng.ts';
import type { FloatAllocator, Floats } from '../floats.ts';
import type { Layer, PassMode } from './layer.ts';

/** Flatten: the same numbers, read as one vector per sample. */
export class FlattenLayer implements Layer {
  readonly params = [];
  readonly outShape: readonly number[];

  constructor(
    readonly node: NodeOf<'Flatten'>,
    readonly inShape: readonly number[],
  ) {
    this.outShape = [inShape.reduce((a, b) => a * b, 1)];
  }

  forward(x: Floats): Floats {
    return x;
  }

  backward(_x: Floats, dy: Floats, _n: number, needInput: boolean): Floats | null {
    return needInput ? dy : null;
  }
}

/**
 * Dropout: while training, each value is kept with probability 1 − rate and scaled by
 * 1 / (1 − rate), else zeroed; at inference it passes through, as in Keras. The mask of
 * step t is drawn from mulberry32 seeded by the node's seed, the training seed and t.
 */
export class DropoutLayer implements Layer {
  readonly params = [];
  readonly outShape: readonly number[];
  private readonly out: Floats;
  private readonly keep: Uint8Array;
  private dropped = false;

  constructor(
    readonly node: NodeOf<'Dropout'>,
    readonly inShape: readonly number[],
    private readonly seed: number,
    alloc: FloatAllocator,
    maxBatch: number,
  ) {
    this.outShape = inShape;
    const size = maxBatch * inShape.reduce((a, b) => a * b, 1);
    this.out = alloc.floats(size);
    this.keep = new Uint8Array(size);
  }

  forward(x: Floats, n: number, mode: PassMode): Floats {
    const { rate } = this.node.params;
    this.dropped = mode.training && rate > 0;
    if (!this.dropped) return x;
    const count = n * this.outShape.reduce((a, b) => a * b, 1);
    const next = mulberry32(dropoutSeed(this.node.params.seed, this.seed, mode.step));
    const scale = 1 / (1 - rate);
    for (let i = 0; i < count; i++) {
      const kept = next() >= rate;
      this.keep[i] = kept ? 1 : 0;
      this.out[i] = kept ? x[i]! * scale : 0;
    }
    return this.out;
  }

  /** Which values the last forward pass kept (1) or dropped (0), a copy; null when none dropped. */
  keptMask(n: number): Uint8Array | null {
    return this.dropped ? this.keep.slice(0, n * this.outShape.reduce((a, b) => a * b, 1)) : null;
  }

  backward(_x: Floats, dy: Floats, n: number, needInput: boolean): Floats | null {
    if (!needInput) return null;
    if (!this.dropped) return dy;
    const count = n * this.outShape.reduce((a, b) => a * b, 1);
    const scale = 1 / (1 - this.node.params.rate);
    for (let i = 0; i < count; i++) dy[i] = this.keep[i] ? dy[i]! * scale : 0;
    return dy;
  }
}

/** A 32-bit seed from the node's seed, the run's seed and the step (an integer hash). */
export function dropoutSeed(nodeSeed: number, runSeed: number, step: number): number {
  let h = Math.imul(nodeSeed ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ runSeed ^ (h >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ step ^ (h >>> 16), 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}
