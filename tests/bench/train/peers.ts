import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { createTrainer } from '../../../src/engine/train/create-trainer.ts';
import type { LabelledSet } from '../../../src/engine/train/data.ts';
import type { Trainer } from '../../../src/engine/train/trainer.ts';
import { trainingChain } from '../../../src/graph/training-chain.ts';
import { netDocument, type BenchNet } from './nets.ts';

/** One peer training one net: `step()` trains one batch of 32 and returns its samples. */
export interface TrainRunner {
  step(): number | Promise<number>;
  dispose(): void;
}

export interface TrainPeer {
  name: string;
  prepare(net: BenchNet, data: LabelledSet): Promise<TrainRunner>;
}

export const BATCH = 32;

/** convflow: the Trainer on the fastest kernels here (SIMD), Adam 0.001. */
export const convflowPeer: TrainPeer = {
  name: 'convflow',
  async prepare(net, data) {
    return { step: convflowTrainer(net, data).stepSamples, dispose: () => undefined };
  },
};

/** A convflow Trainer for the bench's net, epochs enough never to finish. */
export function convflowTrainer(
  net: BenchNet,
  data: LabelledSet,
): { trainer: Trainer; stepSamples: () => number } {
  const doc = netDocument(net);
  const chain = trainingChain(doc, 'in', 'out');
  if (!chain.ok) throw new Error(chain.error);
  const trainer = createTrainer({
    inputShape: [28, 28, 1],
    chain: chain.links,
    train: data,
    test: null,
    config: {
      loss: 'categoricalCrossentropy',
      optimizer: { type: 'adam', learningRate: 0.001 },
      batchSize: BATCH,
      epochs: 1000,
      shuffle: true,
      seed: 0,
    },
  });
  return { trainer, stepSamples: () => trainer.step().samples };
}

interface ConvNetJs {
  Net: new () => { makeLayers(defs: object[]): void };
  Vol: new (sx: number, sy: number, depth: number, fill: number) => { w: Float64Array };
  Trainer: new (net: object, options: object) => { train(x: object, y: number): void };
}

/** ConvNetJS 0.3.0: the same layers; its Adam, lr 0.001, batch 32 (it trains sample by sample). */
export const convnetjsPeer: TrainPeer = {
  name: 'ConvNetJS',
  async prepare(net, data) {
    const cnn = createRequire(import.meta.url)('convnetjs') as ConvNetJs;
    const defs: object[] = [{ type: 'input', out_sx: 28, out_sy: 28, out_depth: 1 }];
    for (const l of net.layers) {
      if (l.type === 'conv')
        defs.push({
          type: 'conv',
          sx: l.size,
          filters: l.filters,
          stride: 1,
          pad: 0,
          activation: 'relu',
        });
      else if (l.type === 'pool') defs.push({ type: 'pool', sx: 2, stride: 2 });
      else if (l.type === 'dense' && l.activation === 'relu')
        defs.push({ type: 'fc', num_neurons: l.units, activation: 'relu' });
      else if (l.type === 'dropout')
        (defs[defs.length - 1] as Record<string, unknown>).drop_prob = l.rate;
      else if (l.type === 'dense') defs.push({ type: 'softmax', num_classes: l.units });
    }
    const model = new cnn.Net();
    model.makeLayers(defs);
    const trainer = new cnn.Trainer(model, {
      method: 'adam',
      learning_rate: 0.001,
      batch_size: BATCH,
      l2_decay: 0,
    });
    const vols = Array.from({ length: 256 }, (_, s) => {
      const v = new cnn.Vol(28, 28, 1, 0);
      for (let i = 0; i < 784; i++) v.w[i] = data.x[s * 784 + i]!;
      return v;
    });
    const labels = Array.from({ length: 256 }, (_, s) =>
      data.y.subarray(s * 10, s * 10 + 10).indexOf(1),
    );
    let at = 0;
    return {
      step: () => {
        for (let i = 0; i < BATCH; i++, at = (at + 1) % vols.length)
          trainer.train(vols[at]!, labels[at]!);
        return BATCH;
      },
      dispose: () => undefined,
    };
  },
};

/** TensorFlow.js layers on its CPU backend: trainOnBatch with Adam 0.001. */
export const tfjsCpuPeer: TrainPeer = {
  name: 'tfjs-cpu',
  async prepare(net, data) {
    tf.env().set('IS_TEST', true);
    await tf.setBackend('cpu');
    const model = tfl.sequential();
    model.add(tfl.layers.inputLayer({ inputShape: [28, 28, 1] }));
    for (const l of net.layers) {
      if (l.type === 'conv')
        model.add(
          tfl.layers.conv2d({ filters: l.filters, kernelSize: l.size, activation: 'relu' }),
        );
      else if (l.type === 'pool') model.add(tfl.layers.maxPooling2d({ poolSize: 2 }));
      else if (l.type === 'flatten') model.add(tfl.layers.flatten());
      else if (l.type === 'dense')
        model.add(tfl.layers.dense({ units: l.units, activation: l.activation }));
      else model.add(tfl.layers.dropout({ rate: l.rate }));
    }
    model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
    const xs = tf.tensor(data.x.subarray(0, BATCH * 784), [BATCH, 28, 28, 1]);
    const ys = tf.tensor(data.y.subarray(0, BATCH * 10), [BATCH, 10]);
    return {
      step: async () => {
        await model.trainOnBatch(xs, ys);
        return BATCH;
      },
      dispose: () => {
        tf.dispose([xs, ys]);
        model.dispose();
      },
    };
  },
};

export const TRAIN_PEERS = [convflowPeer, convnetjsPeer, tfjsCpuPeer];
