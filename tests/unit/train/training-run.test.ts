import { describe, expect, it } from 'vitest';
import type { TrainingSection } from '../../../src/engine/train/prepare.ts';
import { TrainingRun } from '../../../src/engine/train/training-api.ts';
import { makeRng } from '../../property/rng.ts';
import { chainDocument, oneHot, randomFloats } from './train-helpers.ts';

const doc = chainDocument(
  [4, 4, 1],
  [
    { id: 'c', type: 'Conv2D', params: { filters: 2, kernelSize: [3, 3], activation: 'relu' } },
    { id: 'f', type: 'Flatten' },
    { id: 'out', type: 'Dense', params: { units: 3, activation: 'softmax' } },
  ],
);
const rng = makeRng(3);
const n = 10;
const section: TrainingSection = {
  input: 'in',
  output: 'out',
  data: {
    x: { shape: [n, 4, 4, 1], data: randomFloats(rng, n * 16, 'float32') as Float32Array },
    y: { shape: [n, 3], data: oneHot(rng, n, 3, 'float32') as Float32Array },
  },
  loss: 'categoricalCrossentropy',
  optimizer: { type: 'adam', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
  batchSize: 4,
  epochs: 2,
  shuffle: true,
  seed: 0,
};
const loaders = {
  mnist: () => {
    throw new Error('not used');
  },
};

/** A clock that advances 1 ms each time it is read. */
function ticking() {
  let t = 0;
  return () => t++;
}

describe('TrainingRun', () => {
  it('reports a bad section without starting', () => {
    const run = new TrainingRun();
    expect(run.start(doc, { ...section, output: 'zzz' }, loaders)).toMatchObject({
      ok: false,
      path: 'training.output',
    });
    expect(run.started).toBe(false);
    expect(() => run.step()).toThrow(/start one first/);
  });

  it('runs batches within a time budget, reporting each loss, and ends when every epoch ran', () => {
    const run = new TrainingRun(ticking());
    const started = run.start(doc, section, loaders);
    expect(started).toMatchObject({
      ok: true,
      info: { trainCount: 10, batchesPerEpoch: 3, epochs: 2, chain: ['c', 'f', 'out'] },
    });
    const first = run.step();
    expect([first.epoch, first.batch, first.steps, first.batchLosses.length, first.done]).toEqual([
      1,
      1,
      1,
      1,
      false,
    ]);
    const slice = run.run(2);
    expect(slice.batchLosses.length).toBeGreaterThanOrEqual(1);
    let all = [first, slice];
    while (!all[all.length - 1]!.done) all = [...all, run.run(1000)];
    expect(all.flatMap((p) => p.batchLosses)).toHaveLength(6);
    expect(all.flatMap((p) => p.epochEnds).map((e) => e.epoch)).toEqual([1, 2]);
    expect(all[all.length - 1]!.steps).toBe(6);
  });

  it('weights are copies; a sample shows every chain node and the verdict', () => {
    const run = new TrainingRun();
    run.start(doc, section, loaders);
    const before = run.weights();
    run.step();
    const after = run.weights();
    expect(before.map((w) => [w.nodeId, w.name, w.shape])).toEqual([
      ['c', 'kernel', [3, 3, 1, 2]],
      ['c', 'bias', [2]],
      ['out', 'kernel', [8, 3]],
      ['out', 'bias', [3]],
    ]);
    expect(before[0]!.data).not.toEqual(after[0]!.data);
    const view = run.sample('train', 2);
    expect([...view.outputs.keys()]).toEqual(['c', 'f', 'out']);
    expect(view.outputs.get('c')!.length).toBe(8);
    const probabilities = [...view.outputs.get('out')!];
    expect(view.predicted).toBe(probabilities.indexOf(Math.max(...probabilities)));
    const y = (section.data as { y: { data: Float32Array } }).y.data;
    expect(view.label).toBe([...y.subarray(6, 9)].indexOf(1));
    expect(() => run.sample('train', 10)).toThrow(/outside the train split/);
    expect(() => run.predict(new Float32Array(5))).toThrow(/expected 16 input values/);
  });
});

describe('TrainingRun.confusion', () => {
  it('counts every sample once, lists each cell, and the worst mistakes are wrong and sorted', () => {
    const run = new TrainingRun();
    const withTest = { ...section, test: section.data as typeof section.test };
    run.start(doc, withTest, loaders);
    run.step();
    const c = run.confusion('test');
    expect(c.classes).toBe(3);
    expect(c.counts.flat().reduce((a, b) => a + b, 0)).toBe(n);
    c.counts.forEach((row, label) =>
      row.forEach((count, predicted) => expect(c.cells[label * 3 + predicted]).toHaveLength(count)),
    );
    for (const w of c.worst) {
      expect(w.label).not.toBe(w.predicted);
      expect(c.cells[w.label * 3 + w.predicted]).toContain(w.index);
    }
    const confidences = c.worst.map((w) => w.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    // Labels per sample agree with the matrix's rows.
    const labels = run.labels('test');
    c.cells.forEach((cell, i) => cell.forEach((s) => expect(labels[s]).toBe(Math.floor(i / 3))));
    // Each sample's verdict is the one `sample` gives.
    const view = run.sample('test', 4);
    expect(c.cells[view.label * 3 + view.predicted]).toContain(4);
  });
});

describe('TrainingRun.saliency', () => {
  it('the gradient at every chain node and the input; a step against it lowers the loss', () => {
    const run = new TrainingRun();
    run.start(doc, section, loaders);
    for (let i = 0; i < 3; i++) run.step();
    const x = (section.data as { x: { data: Float32Array } }).x.data.slice(0, 16);
    const label = 2;
    const grads = run.saliency(x, 'in', label);
    expect([...grads.keys()].sort()).toEqual(['c', 'f', 'in', 'out']);
    expect(grads.get('in')!.length).toBe(16);
    expect(grads.get('c')!.length).toBe(8);
    const lossAt = (input: Float32Array) =>
      -Math.log(run.predict(input).outputs.get('out')![label]!);
    const g = grads.get('in')!;
    const norm = Math.hypot(...g);
    expect(norm).toBeGreaterThan(0);
    const stepped = x.map((v, i) => v - (0.05 * g[i]!) / norm);
    expect(lossAt(stepped)).toBeLessThan(lossAt(x));
    // With no label: the gradient of the predicted class's score, positive along itself.
    const score = run.saliency(x, 'in', null);
    const predicted = run.predict(x).predicted;
    const up = x.map((v, i) => v + (0.05 * score.get('in')![i]!) / Math.hypot(...score.get('in')!));
    expect(run.predict(up).outputs.get('out')![predicted]!).toBeGreaterThan(
      run.predict(x).outputs.get('out')![predicted]!,
    );
  });
});
