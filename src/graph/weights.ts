import { isInitializer, type NodeOf, type WeightSpec } from './types.ts';
import { mulberry32 } from './prng.ts';
import { sizeOf } from './shape.ts';

/** Fan-in and fan-out of a weight, as Keras computes them for its variance-scaling initializers. */
export interface Fans {
  fanIn: number;
  fanOut: number;
}

/**
 * Values of a weight of the given shape. An initializer draws u from mulberry32(seed) in
 * row-major order and maps it to (2u - 1)·limit, with limit = sqrt(6 / (fanIn + fanOut))
 * for glorotUniform and sqrt(6 / fanIn) for heUniform; zeros and ones are constant.
 * An explicit tensor's own array is returned, not a copy: read it, never write it.
 */
export function resolveWeight(
  spec: WeightSpec,
  shape: readonly number[],
  fans: Fans,
): Float32Array {
  if (!isInitializer(spec)) return spec.data;
  const out = new Float32Array(sizeOf(shape));
  if (spec.init === 'zeros') return out;
  if (spec.init === 'ones') return out.fill(1);
  const limit =
    spec.init === 'glorotUniform'
      ? Math.sqrt(6 / (fans.fanIn + fans.fanOut))
      : Math.sqrt(6 / fans.fanIn);
  const next = mulberry32(spec.seed);
  for (let i = 0; i < out.length; i++) out[i] = (2 * next() - 1) * limit;
  return out;
}

/** Fans of a Conv2D kernel `[kh, kw, inC, filters]` (and its bias). */
export function convFans(kh: number, kw: number, inC: number, filters: number): Fans {
  return { fanIn: kh * kw * inC, fanOut: kh * kw * filters };
}

/** A node with a kernel and (unless `useBias` is false) a bias. */
export type WeightedNode = NodeOf<'Conv2D'> | NodeOf<'Dense'>;

/** What a node's weights are made of: equal parts give equal values. */
export interface WeightParts {
  /** The kernel's shape, `[kh, kw, inC, filters]` or `[inUnits, units]`. */
  shape: number[];
  fans: Fans;
  kernel: WeightSpec;
  /** Null when the node has no bias (useBias false). */
  bias: WeightSpec | null;
}

/** A node's kernel and bias values, float32, as the kernels, the export and the UI read them. */
export interface NodeWeights {
  kernel: Float32Array;
  /** `[filters]` or `[units]`; null when the node has no bias (useBias false). */
  bias: Float32Array | null;
  /** The kernel's shape, `[kh, kw, inC, filters]` or `[inUnits, units]`. */
  shape: number[];
}

/**
 * The kernel shape, fans and weight specs of a Conv2D or Dense whose input has `inSize`
 * channels (Conv2D) or units (Dense): Keras's fans, fanIn = kh·kw·inC (or inUnits).
 */
export function weightPartsOf(node: WeightedNode, inSize: number): WeightParts {
  const { kernel, bias, useBias } = node.params;
  if (node.type === 'Conv2D') {
    const [kh, kw] = node.params.kernelSize;
    const { filters } = node.params;
    const fans = convFans(kh, kw, inSize, filters);
    return { shape: [kh, kw, inSize, filters], fans, kernel, bias: useBias ? bias : null };
  }
  const { units } = node.params;
  const fans = { fanIn: inSize, fanOut: units };
  return { shape: [inSize, units], fans, kernel, bias: useBias ? bias : null };
}

/** The bias values of `parts` (drawn with the kernel's fans), or null without a bias. */
export function resolveBias(parts: WeightParts): Float32Array | null {
  const outSize = parts.shape[parts.shape.length - 1]!;
  return parts.bias ? resolveWeight(parts.bias, [outSize], parts.fans) : null;
}

/**
 * The one way a node's weights are resolved, for the engine, the export, the explain view
 * and the kernel editor alike. `inSize`: input channels of a Conv2D, input units of a Dense.
 * An explicit kernel or bias comes back as the document's own array: read it, never write it.
 * @example resolveNodeWeights(conv, 3) // { kernel: Float32Array(kh·kw·3·filters), bias, shape: [kh, kw, 3, filters] }
 */
export function resolveNodeWeights(node: WeightedNode, inSize: number): NodeWeights {
  const parts = weightPartsOf(node, inSize);
  return {
    kernel: resolveWeight(parts.kernel, parts.shape, parts.fans),
    bias: resolveBias(parts),
    shape: parts.shape,
  };
}
