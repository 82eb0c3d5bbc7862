import { createTrainer } from '../../src/engine/train/create-trainer.ts';
import type { Trainer } from '../../src/engine/train/trainer.ts';
import { trainingChain } from '../../src/graph/training-chain.ts';
import type { GraphDocument } from '../../src/graph/types.ts';
import type { TrainCase } from './random-train-case.ts';

/**
 * A Trainer for a random case's chain document (from `in` to its last node) over
 * `kernels`, as the app makes one: no test set, seed 0, samples in order unless `shuffle`.
 */
export function trainerOfCase(
  doc: GraphDocument,
  c: TrainCase,
  kernels: 'reference' | 'simd',
  shuffle = false,
): Trainer {
  const chain = trainingChain(doc, 'in', doc.nodes[doc.nodes.length - 1]!.id);
  if (!chain.ok) throw new Error(`${chain.path}: ${chain.error}`);
  return createTrainer({
    inputShape: c.inShape,
    chain: chain.links,
    train: { count: c.count, sampleShape: c.inShape, labelShape: c.outShape, x: c.x, y: c.y },
    test: null,
    config: {
      loss: c.loss,
      optimizer: c.optimizer,
      batchSize: c.batchSize,
      epochs: c.epochs,
      shuffle,
      seed: 0,
    },
    kernels,
  });
}
