import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../../src/cli/mnist-file.ts';
import { createTrainer } from '../../../src/engine/train/create-trainer.ts';
import { argmax } from '../../../src/engine/train/metrics.ts';
import { prepareTraining } from '../../../src/engine/train/prepare.ts';
import type { Trainer } from '../../../src/engine/train/trainer.ts';
import { parseGraph } from '../../../src/graph/parse.ts';
import type { GraphDocument } from '../../../src/graph/types.ts';

/**
 * Preset 11, "A trained LeNet", is what `convflow train presets/10-learn-digits.json`
 * prints. The one full MNIST run in the tests: it checks that the documented command still
 * makes that preset, as its predictions on the 2,000 test digits show.
 */
function preset(name: string): GraphDocument {
  const parsed = parseGraph(
    JSON.parse(readFileSync(new URL(`../../../presets/${name}`, import.meta.url), 'utf8')),
  );
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function trainerOf(doc: GraphDocument, epochs?: number): Trainer {
  const prepared = prepareTraining(
    doc,
    { ...doc.training!, ...(epochs && { epochs }) },
    { mnist: loadMnistFromDisk },
  );
  if (!prepared.ok) throw new Error(prepared.error);
  return createTrainer(prepared.setup);
}

function predictions(trainer: Trainer): number[] {
  const test = loadMnistFromDisk().test;
  return Array.from({ length: test.count }, (_, s) => {
    const x = trainer.inputBuffer();
    x.set(test.x.subarray(s * 784, (s + 1) * 784));
    const y = trainer.model.forward(x, 1, { training: false, step: 0 });
    return argmax(y, 0, 10);
  });
}

describe('the trained LeNet preset', () => {
  it('is what cli train makes of "Learn to read digits": the same predictions on the test split', () => {
    const fresh = trainerOf(preset('10-learn-digits.json'));
    while (!fresh.done) fresh.step();
    // A run of 0 steps: the preset's own weights, untouched.
    const trained = trainerOf(preset('11-trained-lenet.json'));
    const ours = predictions(trained);
    const cli = predictions(fresh);
    const agree = ours.filter((p, i) => p === cli[i]).length;
    expect(agree / ours.length).toBeGreaterThanOrEqual(0.995);
    const labels = loadMnistFromDisk().test.labels;
    const right = ours.filter((p, i) => p === labels[i]).length;
    expect(right / ours.length).toBeGreaterThanOrEqual(0.96);
  });
});
