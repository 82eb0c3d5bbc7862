import type { NodeShapeOk } from '../graph/shape-inference.ts';
import type { Activation, GraphNode } from '../graph/types.ts';
import type { WeightedNode } from '../graph/weights.ts';
import { activate } from './kernels/activations.ts';
import { onSimd, runNode } from './registry.ts';
import { activateCopySimd } from './wasm/index.ts';
import type { WeightStore } from './weight-store.ts';

/**
 * What a Conv2D's or Dense's sums depend on: its input's computation, its weights' values,
 * and the geometry. The activation is not part of it.
 */
function sumsKey(
  node: WeightedNode,
  inputStamp: number | undefined,
  shape: NodeShapeOk,
  weights: WeightStore,
): string {
  const inSize = node.type === 'Conv2D' ? shape.window!.inC : shape.inUnits!;
  const geometry = shape.window ? Object.values(shape.window).join() : shape.inUnits;
  return `${inputStamp}/${weights.version(node, inSize)}/${shape.shape.join()}/${geometry}`;
}

/**
 * A Conv2D's and Dense's outputs before their activation, kept once an edit has changed only
 * what comes after the sums: toggling the activation again then costs one pass over the
 * output, not the layer (an edit costs what it changes). A node's sums are kept from the
 * second computation with the same key (its input, weights and geometry unchanged), so a
 * graph that is only evaluated, or edited upstream, never holds them: they cost memory (one
 * more output) only where a user edits the activation. The result is bit-identical to the
 * kernels': the same kernel gives the sums, and the same code applies the activation.
 */
export class PreActivations {
  /** Each weighted node's sums key at its last computation. */
  private keys = new Map<string, string>();
  private kept = new Map<string, Float32Array>();

  /**
   * The node's output, written to `spare` when its length fits. `inputStamp` names the
   * computation of the input's data (a new number each time it is recomputed).
   */
  compute(
    node: GraphNode,
    input: Float32Array,
    inputStamp: number | undefined,
    shape: NodeShapeOk,
    weights: WeightStore,
    spare: Float32Array | undefined,
  ): Float32Array {
    if (node.type !== 'Conv2D' && node.type !== 'Dense')
      return runNode(node, input, shape, weights, spare);
    const key = sumsKey(node, inputStamp, shape, weights);
    const same = inputStamp !== undefined && this.keys.get(node.id) === key;
    this.keys.set(node.id, key);
    if (!same) {
      this.kept.delete(node.id);
      return runNode(node, input, shape, weights, spare);
    }
    let sums = this.kept.get(node.id);
    if (!sums) {
      sums = runNode(linear(node), input, shape, weights);
      this.kept.set(node.id, sums);
    }
    const lastDim = shape.shape.at(-1)!;
    return activateCopy(sums, node.params.activation, lastDim, onSimd(node, input, shape), spare);
  }

  /**
   * The node's output was computed another way (some rows of it, `runNodeRows`) for this
   * input, weights and geometry: its old sums no longer hold, but the next edit with the same
   * key may keep new ones.
   */
  computedElsewhere(
    node: GraphNode,
    inputStamp: number | undefined,
    shape: NodeShapeOk,
    weights: WeightStore,
  ): void {
    this.kept.delete(node.id);
    if ((node.type === 'Conv2D' || node.type === 'Dense') && inputStamp !== undefined)
      this.keys.set(node.id, sumsKey(node, inputStamp, shape, weights));
    else this.keys.delete(node.id);
  }

  /** Drop what is kept for a node (removed, or its computation failed). */
  forget(id: string): void {
    this.keys.delete(id);
    this.kept.delete(id);
  }

  /** Whether the node's sums are kept now. */
  holds(id: string): boolean {
    return this.kept.has(id);
  }
}

function linear<T extends WeightedNode>(node: T): T {
  return { ...node, params: { ...node.params, activation: 'linear' } };
}

/**
 * `activation` of a copy of `sums`, into `into` when its length fits, by the code the node's
 * kernel path uses, so the bits are the kernels': the SIMD one for a layer that path runs
 * (its relu, four lanes at a time, is also 5× faster than a JS loop: a branch per value on
 * random signs), else the TypeScript one.
 */
function activateCopy(
  sums: Float32Array,
  activation: Activation,
  lastDim: number,
  simd: boolean,
  into: Float32Array | undefined,
): Float32Array {
  if (simd && activation !== 'linear') return activateCopySimd(sums, activation, lastDim, into);
  const out = into?.length === sums.length ? into : new Float32Array(sums.length);
  out.set(sums);
  return activate(out, activation, lastDim);
}
