import type { NodeShapeOk } from '../graph/shape-inference.ts';
import type { GraphNode, NodeOf, NodeType } from '../graph/types.ts';
import { activate } from './kernels/activations.ts';
import { conv2d } from './kernels/conv2d.ts';
import { dense } from './kernels/dense.ts';
import { dropout } from './kernels/dropout.ts';
import { maxPool } from './kernels/max-pool.ts';
import type { WeightStore } from './weight-store.ts';

/**
 * Computes one node's output data. `input` is the upstream output (empty for an Input);
 * `shape` is the node's inferred shape, whose geometry the kernel follows exactly.
 */
type NodeKernel<T extends NodeType> = (
  node: NodeOf<T>,
  input: Float32Array,
  shape: NodeShapeOk,
  weights: WeightStore,
) => Float32Array;

/** Every node type's kernel, listed explicitly (tfjs-backend-cpu `register_all_kernels.ts`). */
export const KERNELS: { [T in NodeType]: NodeKernel<T> } = {
  Input: (node) => Float32Array.from(node.params.tensor.data),
  Conv2D: (node, input, shape, weights) => {
    const g = shape.window!;
    const w = weights.get(node, g.inC);
    const out = conv2d(input, w.kernel, w.bias, g, node.params.filters);
    return activate(out, node.params.activation, node.params.filters);
  },
  MaxPool: (_node, input, shape) => maxPool(input, shape.window!),
  Flatten: (_node, input) => input.slice(),
  Dense: (node, input, shape, weights) => {
    const inUnits = shape.inUnits!;
    const w = weights.get(node, inUnits);
    const out = dense(input, w.kernel, w.bias, inUnits, node.params.units);
    return activate(out, node.params.activation, node.params.units);
  },
  Dropout: (node, input) =>
    dropout(input, node.params.rate, node.params.training, node.params.seed),
};

/** Run the kernel registered for the node's type. */
export function runNode(
  node: GraphNode,
  input: Float32Array,
  shape: NodeShapeOk,
  weights: WeightStore,
): Float32Array {
  const kernel = KERNELS[node.type] as NodeKernel<typeof node.type>;
  return kernel(node, input, shape, weights);
}
