import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import {
  isInitializer,
  type GraphDocument,
  type GraphNode,
  type NodeOf,
  type WeightSpec,
} from '../../src/graph/index.ts';
import { dropoutMask } from '../../src/engine/kernels/dropout.ts';
import { convFans, resolveWeight, type Fans } from '../../src/graph/weights.ts';

/** What TensorFlow.js computes for a node, or why the node must be an error. */
export type Expected =
  { ok: true; shape: number[]; data: Float32Array } | { ok: false; reason: string };

/** Select the CPU backend; IS_TEST (as tfjs's own tests set it) also quiets its Node.js banner. */
export async function useTfjsCpu(): Promise<void> {
  tf.env().set('IS_TEST', true);
  await tf.setBackend('cpu');
  await tf.ready();
}

/**
 * Every node of the graph evaluated with TensorFlow.js's CPU kernels, as a batch of one.
 * Which nodes must fail is decided here from the shapes alone, without the engine's
 * `windowInfo`. Only seeded initializers go through the engine (`resolveWeight`, `convFans`),
 * since their values are defined by its PRNG; explicit weights go to tfjs as written.
 */
export function referenceOutputs(doc: GraphDocument): Map<string, Expected> {
  const inputOf = new Map(doc.edges.map((e) => [e.target, e.source]));
  const results = new Map<string, Expected>();
  tf.tidy(() => {
    const tensors = new Map<string, tf.Tensor>();
    for (const node of doc.nodes) {
      const source = inputOf.get(node.id);
      const x = source === undefined ? undefined : tensors.get(source);
      if (source !== undefined && !results.has(source))
        throw new Error(`test graph is not in topological order at "${node.id}"`);
      const out = node.type === 'Input' || x ? evaluate(node, x) : 'its input has an error';
      if (typeof out === 'string') {
        results.set(node.id, { ok: false, reason: out });
      } else {
        tensors.set(node.id, out);
        results.set(node.id, { ok: true, shape: out.shape, data: out.dataSync() as Float32Array });
      }
    }
  });
  return results;
}

/** The node's output, or the reason it cannot have one. */
function evaluate(node: GraphNode, x: tf.Tensor | undefined): tf.Tensor | string {
  switch (node.type) {
    case 'Input':
      return tf.tensor(node.params.tensor.data, node.params.tensor.shape, 'float32');
    case 'Conv2D':
      return conv2d(node, x!);
    case 'MaxPool':
      return maxPool(node, x!);
    case 'Flatten':
      return tf.reshape(x!, [x!.size]);
    case 'Dense':
      return dense(node, x!);
    case 'Dropout':
      return dropout(node, x!);
  }
}

function conv2d(node: NodeOf<'Conv2D'>, x: tf.Tensor): tf.Tensor | string {
  const p = node.params;
  const [kh, kw] = p.kernelSize;
  const misfit = windowMisfit(x, p.kernelSize, p.padding);
  if (misfit) return misfit;
  const inC = x.shape[2]!;
  if (!isInitializer(p.kernel) && p.kernel.shape[2] !== inC) return 'channel mismatch';
  const fans = convFans(kh, kw, inC, p.filters);
  const w = weight(p.kernel, [kh, kw, inC, p.filters], fans) as tf.Tensor4D;
  const x4 = tf.expandDims(x, 0) as tf.Tensor4D;
  let y: tf.Tensor = tf.conv2d(x4, w, p.strides, p.padding, 'NHWC', [1, 1]);
  if (p.useBias) y = tf.add(y, weight(p.bias, [p.filters], fans));
  return activate(tf.squeeze(y, [0]), p.activation);
}

function maxPool(node: NodeOf<'MaxPool'>, x: tf.Tensor): tf.Tensor | string {
  const p = node.params;
  const misfit = windowMisfit(x, p.poolSize, p.padding);
  if (misfit) return misfit;
  const x4 = tf.expandDims(x, 0) as tf.Tensor4D;
  return tf.squeeze(tf.maxPool(x4, p.poolSize, p.strides ?? p.poolSize, p.padding), [0]);
}

function dense(node: NodeOf<'Dense'>, x: tf.Tensor): tf.Tensor | string {
  const p = node.params;
  const inUnits = x.shape[x.rank - 1]!;
  if (!isInitializer(p.kernel) && p.kernel.shape[0] !== inUnits) return 'input units mismatch';
  const fans = { fanIn: inUnits, fanOut: p.units };
  const rows = tf.reshape(x, [-1, inUnits]);
  let y: tf.Tensor = tf.matMul(rows, weight(p.kernel, [inUnits, p.units], fans) as tf.Tensor2D);
  if (p.useBias) y = tf.add(y, weight(p.bias, [p.units], fans));
  return activate(tf.reshape(y, [...x.shape.slice(0, -1), p.units]), p.activation);
}

function dropout(node: NodeOf<'Dropout'>, x: tf.Tensor): tf.Tensor {
  const { rate, training, seed } = node.params;
  if (!training) return tf.clone(x);
  const mask = tf.tensor(Float32Array.from(dropoutMask(x.size, rate, seed)), x.shape);
  return tf.div(tf.mul(x, mask), 1 - rate);
}

function activate(y: tf.Tensor, activation: NodeOf<'Dense'>['params']['activation']): tf.Tensor {
  switch (activation) {
    case 'linear':
      return y;
    case 'relu':
      return tf.relu(y);
    case 'sigmoid':
      return tf.sigmoid(y);
    case 'tanh':
      return tf.tanh(y);
    case 'softmax':
      return tf.softmax(y, -1);
  }
}

/** Keras's rules: a window op wants an `[H, W, C]` input, and with `valid` it must fit. */
function windowMisfit(
  x: tf.Tensor,
  [kh, kw]: [number, number],
  padding: 'valid' | 'same',
): string | null {
  if (x.rank !== 3) return `rank-${x.rank} input`;
  if (padding === 'valid' && (kh > x.shape[0]! || kw > x.shape[1]!))
    return 'window larger than input';
  return null;
}

function weight(spec: WeightSpec, shape: number[], fans: Fans): tf.Tensor {
  const data = isInitializer(spec) ? resolveWeight(spec, shape, fans) : spec.data;
  return tf.tensor(data, shape, 'float32');
}
