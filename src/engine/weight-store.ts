import type { NodeOf } from '../graph/types.ts';
import { convFans, resolveWeight } from './weights.ts';

export interface ResolvedWeights {
  kernel: Float32Array;
  bias: Float32Array | null;
}

type Weighted = NodeOf<'Conv2D'> | NodeOf<'Dense'>;

/**
 * Resolved kernels and biases, kept while a node's params object and input size stay the
 * same, so an edit downstream never re-draws or re-copies the weights upstream.
 */
export class WeightStore {
  private cache = new Map<string, { params: object; inSize: number; weights: ResolvedWeights }>();

  /** `inSize`: input channels of a Conv2D, input units of a Dense. */
  get(node: Weighted, inSize: number): ResolvedWeights {
    const hit = this.cache.get(node.id);
    if (hit && hit.params === node.params && hit.inSize === inSize) return hit.weights;
    const weights = node.type === 'Conv2D' ? convWeights(node, inSize) : denseWeights(node, inSize);
    this.cache.set(node.id, { params: node.params, inSize, weights });
    return weights;
  }

  forget(id: string): void {
    this.cache.delete(id);
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
