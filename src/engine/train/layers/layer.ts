import type { GraphNode } from '../../../graph/types.ts';
import type { WindowInfo } from '../../../graph/window.ts';
import type { Floats } from '../floats.ts';

/** A trainable tensor of a layer and its gradient, both owned by the model. */
export interface Param {
  /** The node the tensor belongs to, and which of its tensors it is. */
  nodeId: string;
  name: 'kernel' | 'bias';
  shape: readonly number[];
  value: Floats;
  /** The gradient of the batch's mean loss, written (not accumulated) by `backward`. */
  grad: Floats;
}

/** What a forward pass is for: a training step (Dropout drops) or inference. */
export interface PassMode {
  training: boolean;
  /** Training steps taken before this one: seeds Dropout's mask. */
  step: number;
}

/**
 * One node of the trained chain, over a batch: samples are laid out one after another,
 * each channels-last, as the documents hold one. Buffers are allocated once, for the
 * largest batch; a pass over `n` samples uses the first `n` of them.
 */
export interface Layer {
  readonly node: GraphNode;
  readonly inShape: readonly number[];
  readonly outShape: readonly number[];
  readonly params: readonly Param[];
  /** Conv2D's and MaxPool's window arithmetic. */
  readonly window?: WindowInfo;
  /** This layer's output for `n` samples of `x` (a buffer the layer owns, or `x` itself). */
  forward(x: Floats, n: number, mode: PassMode): Floats;
  /**
   * Given `x` (the input forward saw) and `dy` (the loss's gradient at this layer's output,
   * which this may overwrite), write the parameters' gradients and return the gradient at
   * the input, or null when `needInput` is false.
   */
  backward(x: Floats, dy: Floats, n: number, needInput: boolean): Floats | null;
}
