import { isInitializer, type GraphNode, type TensorValue, type WeightSpec } from './types.ts';
import { convFans, resolveWeight, type Fans } from './weights.ts';

/**
 * Resize a row-major tensor: values whose coordinates still exist are kept, new ones are
 * taken from `fill` (zeros by default).
 * @example resizeTensor([1, 2, 3, 4], [2, 2], [2, 3]) // Float32Array [1, 2, 0, 3, 4, 0]
 */
export function resizeTensor(
  data: ArrayLike<number>,
  from: readonly number[],
  to: readonly number[],
  fill?: ArrayLike<number>,
): Float32Array {
  const size = to.reduce((a, b) => a * b, 1);
  const out = fill ? Float32Array.from(fill) : new Float32Array(size);
  const index = new Array<number>(to.length).fill(0);
  for (let flat = 0; flat < size; flat++) {
    let source = 0;
    let fits = true;
    for (let axis = 0; axis < to.length; axis++) {
      fits &&= index[axis]! < from[axis]!;
      source = source * from[axis]! + index[axis]!;
    }
    if (fits) out[flat] = data[source]!;
    // Odometer step over the target's coordinates.
    for (let axis = to.length - 1; axis >= 0 && ++index[axis]! === to[axis]; axis--)
      index[axis] = 0;
  }
  return out;
}

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1;
}

function reshaped(weight: WeightSpec, shape: number[], fill?: ArrayLike<number>): WeightSpec {
  if (isInitializer(weight)) return weight;
  return { shape, data: resizeTensor(weight.data, weight.shape, shape, fill) };
}

/**
 * Values for the new cells of a grown kernel: seeded glorotUniform, as a new layer would get,
 * so an added filter has something to show instead of an all-zero map.
 */
function freshKernel(shape: number[], fans: Fans): Float32Array {
  return resolveWeight({ init: 'glorotUniform', seed: shape[shape.length - 1]! }, shape, fans);
}

/**
 * The params a `setParams` edit should carry for `patch`: when a size changes on a node with
 * explicit weights, the kernel and bias are resized with it (keeping the values that fit), so
 * the edit stays valid. Invalid sizes pass through untouched, for the schema to explain.
 */
export function paramsPatch(
  node: GraphNode,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  if (node.type === 'Conv2D' && ('kernelSize' in patch || 'filters' in patch)) {
    const p = { ...node.params, ...patch };
    const size = p.kernelSize as unknown[];
    if (!isCount(p.filters) || !size.every(isCount)) return patch;
    const old = node.params.kernel;
    const inC = isInitializer(old) ? 1 : old.shape[2]!;
    const [kh, kw] = size as [number, number];
    const shape = [kh, kw, inC, p.filters];
    const kernel = reshaped(old, shape, freshKernel(shape, convFans(kh, kw, inC, p.filters)));
    return { ...patch, kernel, bias: reshaped(node.params.bias, [p.filters]) };
  }
  if (node.type === 'Dense' && 'units' in patch) {
    if (!isCount(patch.units)) return patch;
    const old = node.params.kernel;
    const inUnits = isInitializer(old) ? 1 : old.shape[0]!;
    const shape = [inUnits, patch.units];
    const kernel = reshaped(
      old,
      shape,
      freshKernel(shape, { fanIn: inUnits, fanOut: patch.units }),
    );
    return { ...patch, kernel, bias: reshaped(node.params.bias, [patch.units]) };
  }
  return patch;
}

/** Input params with one of H, W, C changed: the tensor resized, values that fit kept. */
export function inputShapePatch(
  tensor: TensorValue,
  axis: 0 | 1 | 2,
  value: number,
): Record<string, unknown> {
  const shape = [...tensor.shape];
  shape[axis] = value;
  if (!isCount(value)) return { tensor: { shape, data: tensor.data } };
  return { tensor: { shape, data: resizeTensor(tensor.data, tensor.shape, shape) } };
}
