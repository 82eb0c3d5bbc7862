import type { NodeOf } from '../graph/types.ts';
import { packWeights, releaseWeights, type PackedWeights } from './wasm/index.ts';
import { convFans, resolveWeight } from './weights.ts';

export interface ResolvedWeights {
  kernel: Float32Array;
  bias: Float32Array | null;
}

type Weighted = NodeOf<'Conv2D'> | NodeOf<'Dense'>;

interface Entry {
  params: object;
  inSize: number;
  weights: ResolvedWeights;
  /** The same weights laid out for the SIMD kernels, made on first use. */
  packed?: PackedWeights;
}

/**
 * Resolved kernels and biases, kept while a node's params object and input size stay the
 * same, so an edit downstream never re-draws or re-copies the weights upstream.
 */
export class WeightStore {
  private cache = new Map<string, Entry>();

  /** `inSize`: input channels of a Conv2D, input units of a Dense. */
  get(node: Weighted, inSize: number): ResolvedWeights {
    return this.entry(node, inSize).weights;
  }

  /** The weights packed for the SIMD kernels: once per edit, kept like the resolved ones. */
  packed(node: Weighted, inSize: number): PackedWeights {
    const entry = this.entry(node, inSize);
    if (!entry.packed) {
      const { kernel, bias } = entry.weights;
      const outSize = node.type === 'Conv2D' ? node.params.filters : node.params.units;
      entry.packed = packWeights(kernel, bias, kernel.length / outSize, outSize);
    }
    return entry.packed;
  }

  forget(id: string): void {
    this.release(this.cache.get(id));
    this.cache.delete(id);
  }

  private entry(node: Weighted, inSize: number): Entry {
    const hit = this.cache.get(node.id);
    if (hit && hit.params === node.params && hit.inSize === inSize) return hit;
    // The old packed weights may sit in kernel memory: free it for the new ones.
    this.release(hit);
    const weights = node.type === 'Conv2D' ? convWeights(node, inSize) : denseWeights(node, inSize);
    const entry: Entry = { params: node.params, inSize, weights };
    this.cache.set(node.id, entry);
    return entry;
  }

  private release(entry: Entry | undefined): void {
    if (entry?.packed) releaseWeights(entry.packed);
  }
}

function convWeights(node: NodeOf<'Conv2D'>, inC: number): ResolvedWeights {
  const {
    kernelSize: [kh, kw],
    filters,
    useBias,
  } = node.params;
  const fans = convFans(kh, kw, inC, filters);
  return {
    kernel: resolveWeight(node.params.kernel, [kh, kw, inC, filters], fans),
    bias: useBias ? resolveWeight(node.params.bias, [filters], fans) : null,
  };
}

function denseWeights(node: NodeOf<'Dense'>, inUnits: number): ResolvedWeights {
  const { units, useBias } = node.params;
  const fans = { fanIn: inUnits, fanOut: units };
  return {
    kernel: resolveWeight(node.params.kernel, [inUnits, units], fans),
    bias: useBias ? resolveWeight(node.params.bias, [units], fans) : null,
  };
}
