import { describe, expect, it } from 'vitest';
import { createTrainer } from '../../../src/engine/train/create-trainer.ts';
import {
  prepareTraining,
  type InlineSamples,
  type TrainingSection,
} from '../../../src/engine/train/prepare.ts';
import { trainedDocument } from '../../../src/engine/train/trained-document.ts';
import { parseGraph } from '../../../src/graph/parse.ts';
import { makeRng } from '../../property/rng.ts';
import { chainDocument, oneHot, randomFloats } from './train-helpers.ts';

const doc = chainDocument(
  [4, 4, 1],
  [
    { id: 'c', type: 'Conv2D', params: { filters: 2, kernelSize: [3, 3], activation: 'relu' } },
    { id: 'f', type: 'Flatten' },
    { id: 'out', type: 'Dense', params: { units: 3, activation: 'softmax', useBias: false } },
  ],
);

function section(n = 6, overrides: Partial<TrainingSection> = {}): TrainingSection {
  const rng = makeRng(n);
  return {
    input: 'in',
    output: 'out',
    data: {
      x: { shape: [n, 4, 4, 1], data: randomFloats(rng, n * 16, 'float32') as Float32Array },
      y: { shape: [n, 3], data: oneHot(rng, n, 3, 'float32') as Float32Array },
    },
    loss: 'categoricalCrossentropy',
    optimizer: { type: 'sgd', learningRate: 0.1, momentum: 0, nesterov: false },
    batchSize: 4,
    epochs: 1,
    shuffle: false,
    seed: 0,
    ...overrides,
  };
}

const noData = {
  mnist: () => {
    throw new Error('the data set must not be loaded for inline data');
  },
};

describe('prepareTraining', () => {
  it('inline data: the chain from in to out, the samples, the settings', () => {
    const p = prepareTraining(doc, section(), noData);
    if (!p.ok) throw new Error(p.error);
    expect(p.setup.chain.map((l) => l.node.id)).toEqual(['c', 'f', 'out']);
    expect(p.setup.train.count).toBe(6);
    expect(p.setup.config.batchSize).toBe(4);
  });

  it('names what does not fit: samples of another shape, labels of another width', () => {
    const s = section();
    const inline = s.data as InlineSamples;
    const bad = prepareTraining(
      doc,
      {
        ...s,
        data: {
          ...inline,
          x: { shape: [6, 4, 4, 2], data: new Float32Array(192) },
        },
      },
      noData,
    );
    expect(bad).toEqual({
      ok: false,
      path: 'training.data',
      error: 'samples are [4, 4, 2] but the input "in" is [4, 4, 1]',
    });
    const wide = prepareTraining(
      doc,
      {
        ...s,
        data: {
          ...inline,
          y: { shape: [6, 4], data: new Float32Array(24) },
        },
      },
      noData,
    );
    expect(wide).toMatchObject({
      ok: false,
      path: 'training.data',
      error: 'labels are [4] but the output "out" is [3]',
    });
  });

  it('an output not downstream of the input, and a missing node, are errors naming the field', () => {
    expect(prepareTraining(doc, section(6, { output: 'nope' }), noData)).toMatchObject({
      ok: false,
      path: 'training.output',
    });
    expect(prepareTraining(doc, section(6, { input: 'c' }), noData)).toMatchObject({
      ok: false,
      path: 'training.input',
    });
  });

  it('a dataset is loaded only to train, and limit takes its first samples', () => {
    const digits = chainDocument(
      [28, 28, 1],
      [
        { id: 'f', type: 'Flatten' },
        { id: 'out', type: 'Dense', params: { units: 10, activation: 'softmax' } },
      ],
    );
    const rng = makeRng(1);
    const set = (count: number) => ({
      count,
      sampleShape: [28, 28, 1],
      labelShape: [10],
      x: randomFloats(rng, count * 784, 'float32') as Float32Array,
      y: oneHot(rng, count, 10, 'float32') as Float32Array,
    });
    const p = prepareTraining(digits, section(6, { data: { dataset: 'mnist', limit: 5 } }), {
      mnist: () => ({ train: set(20), test: set(7) }),
    });
    if (!p.ok) throw new Error(p.error);
    expect([p.setup.train.count, p.setup.test?.count]).toEqual([5, 7]);
    // A graph the digits do not fit is refused before any data is loaded.
    expect(prepareTraining(doc, section(6, { data: { dataset: 'mnist' } }), noData)).toEqual({
      ok: false,
      path: 'training.data (mnist)',
      error: 'samples are [28, 28, 1] but the input "in" is [4, 4, 1]',
    });
  });
});

describe('trainedDocument', () => {
  it('every trained kernel and bias becomes an explicit tensor that parses back', () => {
    const p = prepareTraining(doc, section(), noData);
    if (!p.ok) throw new Error(p.error);
    const trainer = createTrainer(p.setup);
    while (!trainer.done) trainer.step();
    const trained = trainedDocument(doc, trainer.model.params);
    const conv = trained.nodes.find((n) => n.id === 'c')!;
    const dense = trained.nodes.find((n) => n.id === 'out')!;
    expect(
      conv.type === 'Conv2D' && 'data' in conv.params.kernel && conv.params.kernel.shape,
    ).toEqual([3, 3, 1, 2]);
    expect(
      conv.type === 'Conv2D' && 'data' in conv.params.bias && [...conv.params.bias.data],
    ).toEqual([...trainer.model.params[1]!.value]);
    // useBias false: the bias stays an initializer, the kernel is explicit.
    expect(dense.type === 'Dense' && 'init' in dense.params.bias).toBe(true);
    expect(dense.type === 'Dense' && 'data' in dense.params.kernel).toBe(true);
    expect(
      parseGraph(
        JSON.parse(JSON.stringify(trained, (_k, v) => (v instanceof Float32Array ? [...v] : v))),
      ).ok,
    ).toBe(true);
    expect(
      doc.nodes.find((n) => n.id === 'c')!.type === 'Conv2D' &&
        'init' in (doc.nodes[1]!.params as { kernel: object }).kernel,
    ).toBe(true);
  });
});
