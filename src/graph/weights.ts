import { isInitializer, type WeightSpec } from './types.ts';
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
