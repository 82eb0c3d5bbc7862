import { describe, expect, it } from 'vitest';
import { TrainingDriver, type DriverReport } from '../../../src/engine/train/training-driver.ts';
import type { TrainingSection } from '../../../src/engine/train/prepare.ts';
import { makeRng } from '../../property/rng.ts';
import { chainDocument, oneHot, randomFloats } from './train-helpers.ts';

const doc = chainDocument(
  [4, 4, 1],
  [
    { id: 'f', type: 'Flatten' },
    { id: 'out', type: 'Dense', params: { units: 3, activation: 'softmax' } },
  ],
);
const rng = makeRng(8);
const section: TrainingSection = {
  input: 'in',
  output: 'out',
  data: {
    x: { shape: [40, 4, 4, 1], data: randomFloats(rng, 640, 'float32') as Float32Array },
    y: { shape: [40, 3], data: oneHot(rng, 40, 3, 'float32') as Float32Array },
  },
  loss: 'categoricalCrossentropy',
  optimizer: { type: 'sgd', learningRate: 0.1, momentum: 0, nesterov: false },
  batchSize: 4,
  epochs: 3,
  shuffle: false,
  seed: 0,
};
const loaders = {
  mnist: () => {
    throw new Error('not used');
  },
};
const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** One batch per slice: a clock that says the budget is spent after every step. */
function driver() {
  let t = 0;
  return new TrainingDriver({ sliceMs: 1, yieldToEvents: macrotask, now: () => (t += 5) });
}

describe('TrainingDriver', () => {
  it('runs in slices until every epoch ran, reporting each slice with the watched sample', async () => {
    const d = driver();
    expect(d.start(doc, section, loaders).ok).toBe(true);
    const reports: DriverReport[] = [];
    await new Promise<void>((done) =>
      d.resume((r) => {
        reports.push(r);
        if (r.state === 'ended') done();
      }),
    );
    expect(reports).toHaveLength(30);
    expect(reports.slice(0, -1).every((r) => r.state === 'running')).toBe(true);
    expect(reports[29]!.steps).toBe(30);
    expect([...reports[0]!.watched!.outputs.keys()]).toEqual(['f', 'out']);
  });

  it('pause stops between slices; step trains exactly one batch; resume goes on', async () => {
    const d = driver();
    d.start(doc, section, loaders);
    const reports: DriverReport[] = [];
    d.resume((r) => reports.push(r));
    await macrotask();
    await macrotask();
    await d.pause();
    const seen = reports.length;
    const steps = reports[seen - 1]!.steps;
    await macrotask();
    expect(reports.length).toBe(seen);
    const one = await d.step();
    expect([one.steps, one.state]).toEqual([steps + 1, 'paused']);
    d.watchSample('train', 7);
    const next = await d.step();
    expect(next.watched!.label).toBe(d.watchSample('train', 7).label);
  });
});
