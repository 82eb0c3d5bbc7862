import { activateBackward } from '../../train/layers/activation.ts';
import type { LayerStep, StepRecord } from '../../train/step-record.ts';

/** The batch as layer `i` saw it: the previous layer's output, or the batch's inputs. */
export function layerInput(record: StepRecord, i: number): Float32Array {
  return i === 0 ? record.input : record.layers[i - 1]!.output;
}

/** Values per sample of a shape. */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/**
 * δ = ∂L/∂z, the gradient at a Conv2D's or Dense's sums before the activation: the
 * gradient at its output through the activation's derivative, by the engine's own function.
 */
export function preActivationGradient(layer: LayerStep): Float32Array {
  const dz = Float32Array.from(layer.outputGradient);
  const node = layer.node;
  if (node.type !== 'Conv2D' && node.type !== 'Dense') return dz;
  const units = node.type === 'Conv2D' ? node.params.filters : node.params.units;
  activateBackward(layer.output, dz, dz.length, node.params.activation, units);
  return dz;
}
