import { isInitializer, type WeightSpec } from '../graph/types.ts';
import {
  resolveBias,
  resolveNodeWeights,
  weightPartsOf,
  type WeightedNode,
  type WeightParts,
} from '../graph/weights.ts';
import { packWeights, releaseWeights, setPackedBias, type PackedWeights } from './wasm/index.ts';

export interface ResolvedWeights {
  kernel: Float32Array;
  bias: Float32Array | null;
}

interface Entry {
  parts: WeightParts;
  weights: ResolvedWeights;
  /** The same weights laid out for the SIMD kernels, made on first use. */
  packed?: PackedWeights;
  /** Changes whenever the values do (a new entry, a new bias): what a kept result depends on. */
  version: number;
}

/**
 * Resolved kernels and biases, kept for as long as what they are made of stays the same:
 * the kernel and bias tensors (by identity: documents never change an array in place) or
 * initializers, and the shape that sizes them. An edit of activation, padding or strides
 * reuses them and their packed form as they are; useBias or a new bias replaces only the
 * bias, in place; a new kernel, initializer or size resolves and packs again.
 */
export class WeightStore {
  private cache = new Map<string, Entry>();
  private versions = 0;

  /** `inSize`: input channels of a Conv2D, input units of a Dense. */
  get(node: WeightedNode, inSize: number): ResolvedWeights {
    return this.entry(node, inSize).weights;
  }

  /** The weights packed for the SIMD kernels: once, kept like the resolved ones. */
  packed(node: WeightedNode, inSize: number): PackedWeights {
    const entry = this.entry(node, inSize);
    if (!entry.packed) {
      const { kernel, bias } = entry.weights;
      const outSize = entry.parts.shape.at(-1)!;
      entry.packed = packWeights(kernel, bias, kernel.length / outSize, outSize);
    }
    return entry.packed;
  }

  /**
   * A number that changes whenever the node's weights do (resolving them if needed): equal
   * numbers mean the same kernel and bias values.
   */
  version(node: WeightedNode, inSize: number): number {
    return this.entry(node, inSize).version;
  }

  /** What is kept for a node now, without resolving anything: the weights and their packing. */
  peek(id: string): { weights: ResolvedWeights; packed: PackedWeights | undefined } | undefined {
    const entry = this.cache.get(id);
    return entry && { weights: entry.weights, packed: entry.packed };
  }

  forget(id: string): void {
    this.release(this.cache.get(id));
    this.cache.delete(id);
  }

  private entry(node: WeightedNode, inSize: number): Entry {
    const parts = weightPartsOf(node, inSize);
    const hit = this.cache.get(node.id);
    if (hit && sameKernel(hit.parts, parts)) {
      if (!sameSpec(hit.parts.bias, parts.bias)) this.replaceBias(hit, parts);
      return hit;
    }
    // The old packed weights may sit in kernel memory: free it for the new ones.
    this.release(hit);
    const { kernel, bias } = resolveNodeWeights(node, inSize);
    const entry: Entry = { parts, weights: { kernel, bias }, version: ++this.versions };
    this.cache.set(node.id, entry);
    return entry;
  }

  private replaceBias(entry: Entry, parts: WeightParts): void {
    entry.parts = parts;
    entry.weights = { kernel: entry.weights.kernel, bias: resolveBias(parts) };
    entry.version = ++this.versions;
    if (entry.packed) setPackedBias(entry.packed, entry.weights.bias);
  }

  private release(entry: Entry | undefined): void {
    if (entry?.packed) releaseWeights(entry.packed);
  }
}

function sameKernel(a: WeightParts, b: WeightParts): boolean {
  return a.shape.join() === b.shape.join() && sameSpec(a.kernel, b.kernel);
}

/**
 * The same values: the same initializer and seed, or the same array (documents never write
 * one in place). Fans are equal whenever the kernel shapes are, which `sameKernel` checks.
 */
function sameSpec(a: WeightSpec | null, b: WeightSpec | null): boolean {
  if (a === null || b === null) return a === b;
  if (isInitializer(a) || isInitializer(b))
    return isInitializer(a) && isInitializer(b) && a.init === b.init && a.seed === b.seed;
  return a.data === b.data;
}
