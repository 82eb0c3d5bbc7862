import { resolveNodeWeights } from '../../graph/weights.ts';
import type { ChainLink } from '../../graph/training-chain.ts';
import { plainAllocator, type FloatAllocator, type Floats } from './floats.ts';
import type { TrainKernels } from './kernels.ts';
import { referenceKernels } from './kernels-reference.ts';
import { Conv2DLayer } from './layers/conv2d-layer.ts';
import { DenseLayer } from './layers/dense-layer.ts';
import type { Layer, Param, PassMode } from './layers/layer.ts';
import { MaxPoolLayer } from './layers/max-pool-layer.ts';
import { DropoutLayer, FlattenLayer } from './layers/pass-layers.ts';
import { weightParams } from './layers/weighted.ts';

export interface ModelOptions {
  /** The largest batch a pass will be given: buffers are sized for it once. */
  maxBatch: number;
  /** The run's seed, mixed into Dropout masks. */
  seed?: number;
  kernels?: TrainKernels;
  alloc?: FloatAllocator;
}

/**
 * The chain of layers from a training input to its output, over batches, with its
 * parameters (initial values from the nodes: explicit tensors or their initializers).
 */
export class TrainModel {
  readonly layers: Layer[];
  readonly params: Param[];
  readonly inShape: readonly number[];
  readonly outShape: readonly number[];
  /** Each layer's input, and output, during the last forward pass. */
  private readonly inputs: Floats[];
  private readonly outputs: Floats[];

  constructor(inputShape: readonly number[], chain: readonly ChainLink[], options: ModelOptions) {
    const kernels = options.kernels ?? referenceKernels;
    const alloc = options.alloc ?? plainAllocator();
    this.layers = chain.map((link) =>
      buildLayer(link, kernels, alloc, options.maxBatch, options.seed ?? 0),
    );
    this.params = this.layers.flatMap((l) => l.params);
    this.inShape = inputShape;
    this.outShape = chain.length > 0 ? chain[chain.length - 1]!.shape.shape : inputShape;
    this.inputs = new Array<Floats>(this.layers.length);
    this.outputs = new Array<Floats>(this.layers.length);
  }

  /** The output for the `n` samples in `x` (a buffer the model owns). */
  forward(x: Floats, n: number, mode: PassMode): Floats {
    let a = x;
    this.layers.forEach((layer, i) => {
      this.inputs[i] = a;
      a = layer.forward(a, n, mode);
      this.outputs[i] = a;
    });
    return a;
  }

  /**
   * For the one sample of the last forward pass: the gradient of whatever `dOut` is the
   * gradient of, at every layer's output and at the input (node id `inputId`), as copies.
   * The parameters' gradients are overwritten on the way, as by any backward pass.
   */
  outputGradients(dOut: Floats, inputId: string): Map<string, Float32Array> {
    const result = new Map<string, Float32Array>();
    let dy: Floats | null = dOut;
    for (let i = this.layers.length - 1; i >= 0 && dy; i--) {
      const layer = this.layers[i]!;
      const size = layer.outShape.reduce((a, b) => a * b, 1);
      result.set(layer.node.id, Float32Array.from(dy.subarray(0, size)));
      dy = layer.backward(this.inputs[i]!, dy, 1, true);
    }
    if (dy)
      result.set(
        inputId,
        Float32Array.from(
          dy.subarray(
            0,
            this.inShape.reduce((a, b) => a * b, 1),
          ),
        ),
      );
    return result;
  }

  /**
   * Sample `s` of the last forward pass as each layer saw it: node id → a copy of that
   * layer's output (channels last, the node's own shape).
   */
  layerOutputs(s = 0): Map<string, Float32Array> {
    const result = new Map<string, Float32Array>();
    this.layers.forEach((layer, i) => {
      const size = layer.outShape.reduce((a, b) => a * b, 1);
      result.set(
        layer.node.id,
        Float32Array.from(this.outputs[i]!.subarray(s * size, (s + 1) * size)),
      );
    });
    return result;
  }

  /**
   * Every parameter's gradient from `dOut`, the loss's gradient at the last forward's output;
   * with `wantInput`, also returns the gradient at the model's input (a saliency map).
   * `watch` sees the gradient at each layer's output (by layer index) before that layer's
   * backward pass uses it.
   */
  backward(
    dOut: Floats,
    n: number,
    wantInput = false,
    watch?: (layer: number, dy: Floats) => void,
  ): Floats | null {
    // Without `wantInput`, nothing before the first layer with parameters needs a gradient.
    const first = wantInput ? -1 : this.layers.findIndex((l) => l.params.length > 0);
    let dy: Floats | null = dOut;
    for (let i = this.layers.length - 1; i >= Math.max(first, 0) && dy; i--) {
      watch?.(i, dy);
      dy = this.layers[i]!.backward(this.inputs[i]!, dy, n, i > first);
    }
    return wantInput ? dy : null;
  }

  /** Copies of every layer's output for the `n` samples of the last forward pass. */
  activations(n: number): Float32Array[] {
    return this.layers.map((layer, i) =>
      Float32Array.from(
        this.outputs[i]!.subarray(0, n * layer.outShape.reduce((a, b) => a * b, 1)),
      ),
    );
  }
}

function buildLayer(
  link: ChainLink,
  kernels: TrainKernels,
  alloc: FloatAllocator,
  maxBatch: number,
  seed: number,
): Layer {
  const { node, inShape, shape } = link;
  switch (node.type) {
    case 'Conv2D': {
      const w = resolveNodeWeights(node, inShape[2]!);
      const params = weightParams(node, w.kernel, w.shape, w.bias, alloc);
      return new Conv2DLayer(node, shape.window!, params, kernels, alloc, maxBatch);
    }
    case 'Dense': {
      const w = resolveNodeWeights(node, inShape[inShape.length - 1]!);
      const params = weightParams(node, w.kernel, w.shape, w.bias, alloc);
      return new DenseLayer(node, inShape, params, kernels, alloc, maxBatch);
    }
    case 'MaxPool':
      return new MaxPoolLayer(node, shape.window!, kernels, alloc, maxBatch);
    case 'Flatten':
      return new FlattenLayer(node, inShape);
    case 'Dropout':
      return new DropoutLayer(node, inShape, seed, alloc, maxBatch);
    case 'Input':
      throw new Error(`an Input ("${node.id}") cannot sit inside a training chain`);
  }
}
