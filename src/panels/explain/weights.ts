import { convFans, resolveWeight } from '../../graph/weights.ts';
import type { NodeOf } from '../../graph/types.ts';

/** A layer's weights as the engine uses them (float32, initializers drawn the same way). */
export interface LayerWeights {
  kernel: Float32Array;
  /** Null without a bias. */
  bias: Float32Array | null;
}

/** Conv2D kernel `[kh, kw, inC, filters]` and bias, resolved as the engine resolves them. */
export function convWeightsOf(node: NodeOf<'Conv2D'>, inC: number): LayerWeights {
  const { kernelSize, filters, useBias, kernel, bias } = node.params;
  const [kh, kw] = kernelSize;
  const fans = convFans(kh, kw, inC, filters);
  return {
    kernel: resolveWeight(kernel, [kh, kw, inC, filters], fans),
    bias: useBias ? resolveWeight(bias, [filters], fans) : null,
  };
}

/** Dense kernel `[inUnits, units]` and bias (Keras's fans: fanIn = inUnits, fanOut = units). */
export function denseWeightsOf(node: NodeOf<'Dense'>, inUnits: number): LayerWeights {
  const { units, useBias, kernel, bias } = node.params;
  const fans = { fanIn: inUnits, fanOut: units };
  return {
    kernel: resolveWeight(kernel, [inUnits, units], fans),
    bias: useBias ? resolveWeight(bias, [units], fans) : null,
  };
}
