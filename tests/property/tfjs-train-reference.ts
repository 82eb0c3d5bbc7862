import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { LossName } from '../../src/engine/train/losses.ts';
import type { OptimizerConfig } from '../../src/engine/train/optimizers/index.ts';
import type { GraphNode } from '../../src/graph/index.ts';

/** What `model.fit` is given besides the model. */
export interface FitSettings {
  loss: LossName;
  optimizer: OptimizerConfig;
  batchSize: number;
  epochs: number;
}

/** Inline data: `count` samples of `inShape` and their targets of `outShape`. */
export interface FitData {
  count: number;
  inShape: readonly number[];
  outShape: readonly number[];
  x: Float32Array;
  y: Float32Array;
}

export interface FitResult {
  /** Every trainable tensor after training, kernel then bias per layer, in chain order. */
  weights: Float32Array[];
  /** `history.history.loss`: each epoch's loss as Keras reports it. */
  epochLosses: number[];
}

/**
 * The chain trained by TensorFlow.js layers, as a Keras user would write it: `tf.sequential`
 * of conv2d / maxPooling2d / flatten / dense with the nodes' settings, `initial` copied in
 * with `setWeights` (same order as `weights` in the result), then `compile` and
 * `fit(x, y, { batchSize, epochs, shuffle: false })`. Disposes every tensor it made.
 */
export async function fitWithTfjs(
  nodes: readonly GraphNode[],
  initial: readonly Float32Array[],
  data: FitData,
  settings: FitSettings,
): Promise<FitResult> {
  const model = tfl.sequential();
  model.add(tfl.layers.inputLayer({ inputShape: [...data.inShape] }));
  for (const node of nodes) model.add(layerOf(node));
  let k = 0;
  for (const layer of model.layers) {
    if (layer.weights.length === 0) continue;
    // A copy: the CPU backend keeps the array it is given, and the caller's may change.
    const values = layer.weights.map((w) =>
      tf.tensor(Float32Array.from(initial[k++]!), w.shape as number[], 'float32'),
    );
    layer.setWeights(values);
    tf.dispose(values);
  }
  if (k !== initial.length)
    throw new Error(`tfjs model has ${k} weights, engine ${initial.length}`);
  const optimizer = optimizerOf(settings.optimizer);
  model.compile({ optimizer, loss: settings.loss });
  const xs = tf.tensor(data.x, [data.count, ...data.inShape], 'float32');
  const ys = tf.tensor(data.y, [data.count, ...data.outShape], 'float32');
  try {
    const history = await model.fit(xs, ys, {
      batchSize: settings.batchSize,
      epochs: settings.epochs,
      shuffle: false,
      verbose: 0,
      yieldEvery: 'never',
    });
    const weights = model.layers.flatMap((l) =>
      l.weights.map((w) => Float32Array.from(w.read().dataSync())),
    );
    return { weights, epochLosses: history.history.loss as number[] };
  } finally {
    tf.dispose([xs, ys]);
    model.dispose();
    optimizer.dispose();
  }
}

function layerOf(node: GraphNode): tfl.layers.Layer {
  switch (node.type) {
    case 'Conv2D': {
      const p = node.params;
      return tfl.layers.conv2d({
        filters: p.filters,
        kernelSize: [...p.kernelSize],
        strides: [...p.strides],
        padding: p.padding,
        activation: p.activation,
        useBias: p.useBias,
      });
    }
    case 'MaxPool': {
      const p = node.params;
      // Strides left out when the document leaves them out: Keras's default is poolSize.
      return tfl.layers.maxPooling2d({
        poolSize: [...p.poolSize],
        ...(p.strides ? { strides: [...p.strides] } : {}),
        padding: p.padding,
      });
    }
    case 'Flatten':
      return tfl.layers.flatten();
    case 'Dense': {
      const p = node.params;
      return tfl.layers.dense({ units: p.units, activation: p.activation, useBias: p.useBias });
    }
    case 'Dropout':
    case 'Input':
      throw new Error(`no ${node.type} in the fit oracle: "${node.id}"`);
  }
}

/** tf.train's optimizers; settings the document leaves out are left to tfjs's defaults. */
function optimizerOf(config: OptimizerConfig): tf.Optimizer {
  if (config.type === 'adam')
    return tf.train.adam(config.learningRate, config.beta1, config.beta2, config.epsilon);
  if (!config.momentum) return tf.train.sgd(config.learningRate);
  return tf.train.momentum(config.learningRate, config.momentum, config.nesterov);
}
