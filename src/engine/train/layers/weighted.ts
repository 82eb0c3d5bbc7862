import type { Activation } from '../../../graph/types.ts';
import type { WeightedNode } from '../../../graph/weights.ts';
import type { FloatAllocator, Floats } from '../floats.ts';
import type { TrainKernels } from '../kernels.ts';
import type { Param } from './layer.ts';
import { activateBackward, activateForward } from './activation.ts';

/** The kernel and (with useBias) bias of a Conv2D or Dense, as trainable parameters. */
export function weightParams(
  node: WeightedNode,
  kernel: Float32Array,
  kernelShape: readonly number[],
  bias: Float32Array | null,
  alloc: FloatAllocator,
): Param[] {
  const param = (name: Param['name'], init: Float32Array, shape: readonly number[]): Param => {
    const value = alloc.floats(init.length);
    value.set(init);
    return { nodeId: node.id, name, shape, value, grad: alloc.floats(init.length) };
  };
  const params = [param('kernel', kernel, kernelShape)];
  if (bias) params.push(param('bias', bias, [bias.length]));
  return params;
}

/** The activation after a Conv2D's or Dense's sums (relu is fused into the kernels). */
export function activateSums(
  y: Floats,
  count: number,
  activation: Activation,
  units: number,
): void {
  if (activation !== 'relu') activateForward(y, count, activation, units);
}

/**
 * The part of a Conv2D's or Dense's backward pass that is the same for both: the activation's
 * gradient (in place, from the saved output `y`) and the bias gradient, Σ over rows of dz.
 */
export function activationAndBiasGrad(
  kernels: TrainKernels,
  y: Floats,
  dy: Floats,
  count: number,
  activation: Activation,
  units: number,
  bias: Param | undefined,
): void {
  if (activation === 'relu') kernels.reluBackward(y, dy, count);
  else activateBackward(y, dy, count, activation, units);
  if (bias) kernels.biasGrad(dy, count / units, units, bias.grad);
}
