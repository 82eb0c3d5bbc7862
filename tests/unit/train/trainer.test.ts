import { describe, expect, it } from 'vitest';
import { trainingChain } from '../../../src/graph/training-chain.ts';
import { createTrainer } from '../../../src/engine/train/create-trainer.ts';
import type { LabelledSet } from '../../../src/engine/train/data.ts';
import type { TrainerConfig } from '../../../src/engine/train/trainer.ts';
import { makeRng } from '../../property/rng.ts';
import type { NodeSpec } from '../helpers.ts';
import { chainDocument, oneHot, randomFloats } from './train-helpers.ts';

const LAYERS: NodeSpec[] = [
  { id: 'c', type: 'Conv2D', params: { filters: 4, kernelSize: [3, 3], activation: 'relu' } },
  { id: 'p', type: 'MaxPool' },
  { id: 'f', type: 'Flatten' },
  { id: 'd', type: 'Dense', params: { units: 8, activation: 'relu' } },
  { id: 'drop', type: 'Dropout', params: { rate: 0.5, seed: 3 } },
  {
    id: 'out',
    type: 'Dense',
    params: { units: 3, activation: 'softmax', kernel: { init: 'glorotUniform', seed: 2 } },
  },
];
const CONFIG: TrainerConfig = {
  loss: 'categoricalCrossentropy',
  optimizer: { type: 'adam', learningRate: 0.01 },
  batchSize: 4,
  epochs: 2,
  shuffle: true,
  seed: 5,
};

function dataset(seed: number, count: number): LabelledSet {
  const rng = makeRng(seed);
  return {
    count,
    sampleShape: [6, 6, 1],
    labelShape: [3],
    x: randomFloats(rng, count * 36, 'float32') as Float32Array,
    y: oneHot(rng, count, 3, 'float32') as Float32Array,
  };
}

function trainer(
  config: Partial<TrainerConfig> = {},
  kernels: 'simd' | 'reference' = 'reference',
  train = dataset(1, 10),
) {
  const doc = chainDocument([6, 6, 1], LAYERS);
  const chain = trainingChain(doc, 'in', 'out');
  if (!chain.ok) throw new Error(chain.error);
  return createTrainer({
    inputShape: [6, 6, 1],
    chain: chain.links,
    train,
    test: dataset(2, 5),
    config: { ...CONFIG, ...config },
    kernels,
  });
}

function weightsOf(t: ReturnType<typeof trainer>): number[] {
  return t.model.params.flatMap((p) => [...p.value]);
}

describe('Trainer', () => {
  it('10 samples, batch 4: batches of 4, 4, 2 per epoch, an epoch report after the third', () => {
    const t = trainer({ shuffle: false });
    const reports = [];
    while (!t.done) reports.push(t.step());
    expect(reports.map((r) => [r.epoch, r.batch, r.samples])).toEqual([
      [1, 0, 4],
      [1, 1, 4],
      [1, 2, 2],
      [2, 0, 4],
      [2, 1, 4],
      [2, 2, 2],
    ]);
    expect(reports.map((r) => r.epochEnd !== null)).toEqual([
      false,
      false,
      true,
      false,
      false,
      true,
    ]);
    const first = reports.slice(0, 3);
    const mean = first.reduce((s, r) => s + r.loss * r.samples, 0) / 10;
    expect(reports[2]!.epochEnd!.loss).toBeCloseTo(mean, 6);
    expect(reports[2]!.epochEnd!.test).not.toBeNull();
    expect(() => t.step()).toThrow(/finished/);
  });

  it('the same document trains to bit-identical weights twice (shuffle and dropout seeded)', () => {
    for (const kernels of ['reference', 'simd'] as const) {
      const a = trainer({}, kernels);
      const b = trainer({}, kernels);
      while (!a.done) a.step();
      while (!b.done) b.step();
      expect(weightsOf(a)).toEqual(weightsOf(b));
    }
  });

  it('another seed trains to other weights', () => {
    const a = trainer({ seed: 5 });
    const b = trainer({ seed: 6 });
    while (!a.done) a.step();
    while (!b.done) b.step();
    expect(weightsOf(a)).not.toEqual(weightsOf(b));
  });

  it('evaluation lets Dropout pass through: twice the same test metrics', () => {
    const t = trainer();
    t.step();
    const test = dataset(3, 7);
    expect(t.evaluate(test)).toEqual(t.evaluate(test));
  });

  it('a loss that stops being finite stops training with a message', () => {
    const t = trainer({ optimizer: { type: 'sgd', learningRate: 1e30 }, loss: 'meanSquaredError' });
    expect(() => {
      while (!t.done) t.step();
    }).toThrow(/training diverged/);
  });

  it('learns: a separable toy set reaches full training accuracy', () => {
    const count = 30;
    const set = dataset(4, count);
    // Class = which third of the image is brightest.
    for (let s = 0; s < count; s++) {
      const cls = s % 3;
      for (let i = 0; i < 36; i++) set.x[s * 36 + i] = Math.floor((i % 6) / 2) === cls ? 1 : 0;
      set.y.fill(0, s * 3, s * 3 + 3);
      set.y[s * 3 + cls] = 1;
    }
    const t = trainer({ epochs: 30, batchSize: 5 }, 'simd', set);
    const before = t.evaluate(set);
    while (!t.done) t.step();
    const after = t.evaluate(set);
    expect(after.loss).toBeLessThan(before.loss / 2);
    expect(after.accuracy).toBe(1);
  });
});
