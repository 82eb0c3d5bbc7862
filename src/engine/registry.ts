import type { NodeShapeOk } from '../graph/shape-inference.ts';
import type { GraphNode, NodeOf, NodeType } from '../graph/types.ts';
import { activate } from './kernels/activations.ts';
import { conv2d } from './kernels/conv2d.ts';
import { dense } from './kernels/dense.ts';
import { dropout } from './kernels/dropout.ts';
import { maxPool } from './kernels/max-pool.ts';
import { rowsWindow, type WindowInfo } from '../graph/window.ts';
import type { WeightedNode } from '../graph/weights.ts';
import { copyInto } from './tensor.ts';
import { conv2dSimd, denseSimd, maxPoolSimd, simdAvailable } from './wasm/index.ts';
import type { WeightStore } from './weight-store.ts';

/**
 * Layers with less work than this (multiply-adds, or compares for pooling) stay on the
 * TypeScript kernels. A call into WebAssembly costs ~2–3 µs whatever its size (copies in
 * and out, a fresh output array); the TS kernels do ~0.4 MAC/ns. Measured in Node 20:
 * a 5×5×1 slide convolution (225 MACs) takes 1.7 µs in TS and 2.3 µs in wasm; at 4,608
 * MACs 12.6 µs against 3.6 µs. Below the threshold the few microseconds do not matter, and
 * slide-sized layers keep the float64-accumulated numbers the explain view derives.
 * The choice depends only on shapes, so a session and a fresh one given the same graph take
 * the same path and agree bit for bit.
 */
export const SIMD_MIN_WORK = 4096;

function simdFor(work: number): boolean {
  return work >= SIMD_MIN_WORK && simdAvailable();
}

/** Multiply-adds of a Conv2D, or compares of a pooling window (filters = 1). */
function windowWork(g: WindowInfo, filters: number): number {
  return g.outH * g.outW * g.kh * g.kw * g.inC * filters;
}

/**
 * Whether a Conv2D or Dense runs on the SIMD kernels, activation included. It depends only
 * on shapes, so a session and a fresh one given the same graph take the same path and agree
 * bit for bit.
 */
export function onSimd(node: WeightedNode, input: Float32Array, shape: NodeShapeOk): boolean {
  return node.type === 'Conv2D'
    ? simdFor(windowWork(shape.window!, node.params.filters))
    : simdFor(input.length * node.params.units);
}

/**
 * Computes one node's output data. `input` is the upstream output (empty for an Input);
 * `shape` is the node's inferred shape, whose geometry the kernel follows exactly.
 * `spare`, when given, is an array nothing else holds (the node's previous output): the
 * kernel may write its result there and return it if the length is right, sparing a fresh
 * multi-megabyte allocation on every edit of a large graph.
 */
type NodeKernel<T extends NodeType> = (
  node: NodeOf<T>,
  input: Float32Array,
  shape: NodeShapeOk,
  weights: WeightStore,
  spare: Float32Array | undefined,
) => Float32Array;

/**
 * A Conv2D over the window `g` of `x`, by the path `simd` names (chosen from the whole
 * node's shape, so that some rows of it are computed as the whole computes them).
 */
function convolve(
  node: NodeOf<'Conv2D'>,
  x: Float32Array,
  g: WindowInfo,
  simd: boolean,
  weights: WeightStore,
  spare?: Float32Array,
): Float32Array {
  const { filters, activation } = node.params;
  if (simd) return conv2dSimd(x, weights.packed(node, g.inC), g, activation, spare);
  const w = weights.get(node, g.inC);
  return activate(conv2d(x, w.kernel, w.bias, g, filters), activation, filters);
}

/** A MaxPool over the window `g` of `x`, by the path `simd` names. */
function pool(x: Float32Array, g: WindowInfo, simd: boolean, spare?: Float32Array): Float32Array {
  return simd ? maxPoolSimd(x, g, spare) : maxPool(x, g);
}

/** Every node type's kernel, listed explicitly (tfjs-backend-cpu `register_all_kernels.ts`). */
export const KERNELS: { [T in NodeType]: NodeKernel<T> } = {
  Input: (node, _input, _shape, _weights, spare) => copyInto(node.params.tensor.data, spare),
  Conv2D: (node, input, shape, weights, spare) =>
    convolve(node, input, shape.window!, onSimd(node, input, shape), weights, spare),
  MaxPool: (_node, input, shape, _weights, spare) =>
    pool(input, shape.window!, simdFor(windowWork(shape.window!, 1)), spare),
  Flatten: (_node, input, _shape, _weights, spare) => copyInto(input, spare),
  Dense: (node, input, shape, weights, spare) => {
    const inUnits = shape.inUnits!;
    if (onSimd(node, input, shape))
      return denseSimd(input, weights.packed(node, inUnits), node.params.activation, spare);
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
  spare?: Float32Array,
): Float32Array {
  const kernel = KERNELS[node.type] as NodeKernel<typeof node.type>;
  return kernel(node, input, shape, weights, spare);
}

/**
 * Recompute only output rows `from`..`to` of a Conv2D or MaxPool into `into`, which holds the
 * node's output for every other row: the kernels run on the input rows those rows read, with
 * the window cut to them (graph/window.ts `rowsWindow`), by the path the whole node takes, so
 * each value is the one a whole computation gives, bit for bit. Returns false, writing
 * nothing, for a node that cannot (another type, or rows that read only padding).
 */
export function runNodeRows(
  node: GraphNode,
  input: Float32Array,
  shape: NodeShapeOk,
  weights: WeightStore,
  into: Float32Array,
  from: number,
  to: number,
): boolean {
  if (node.type !== 'Conv2D' && node.type !== 'MaxPool') return false;
  const g = shape.window!;
  const part = rowsWindow(g, from, to);
  if (!part) return false;
  const rowLength = g.inW * g.inC;
  const x = input.subarray(part.inFrom * rowLength, (part.inTo + 1) * rowLength);
  const rows =
    node.type === 'MaxPool'
      ? pool(x, part.g, simdFor(windowWork(g, 1)))
      : convolve(node, x, part.g, onSimd(node, input, shape), weights);
  into.set(rows, from * g.outW * (shape.shape.at(-1) ?? 1));
  return true;
}
