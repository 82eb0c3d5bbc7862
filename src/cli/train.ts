import { writeFileSync } from 'node:fs';
import { createTrainer } from '../engine/train/create-trainer.ts';
import { prepareTraining } from '../engine/train/prepare.ts';
import { trainedDocument } from '../engine/train/trained-document.ts';
import type { EpochReport } from '../engine/train/trainer.ts';
import { LIMITS } from '../graph/limits.ts';
import { stringifyDocument } from '../graph/tensor-data.ts';
import type { GraphDocument } from '../graph/types.ts';
import { loadMnistFromDisk } from './mnist-file.ts';

export interface TrainOptions {
  epochs?: number;
  out?: string;
}

/** Exit codes as `eval`: 0 trained, 1 training failed (diverged), 2 the document or options are wrong. */
export type TrainResult = { code: 0 | 1 | 2; message?: string };

/**
 * `convflow train`: fit the document's network as its training section says, one JSON line
 * per epoch on stderr, the trained document (every Conv2D and Dense weight explicit) on
 * stdout or in `out`.
 */
export function trainCommand(
  doc: GraphDocument,
  options: TrainOptions,
  log: (line: string) => void,
): TrainResult {
  const section = doc.training;
  if (!section) return { code: 2, message: 'the document has no training section' };
  const epochs = options.epochs ?? section.epochs;
  const prepared = prepareTraining(doc, { ...section, epochs }, { mnist: loadMnistFromDisk });
  if (!prepared.ok) return { code: 2, message: `${prepared.path}: ${prepared.error}` };
  const trainer = createTrainer(prepared.setup);
  const started = performance.now();
  let epochStart = started;
  try {
    while (!trainer.done) {
      const report = trainer.step();
      if (!report.epochEnd) continue;
      const now = performance.now();
      log(epochLine(report.epochEnd, (now - epochStart) / 1000, prepared.setup.train.count));
      epochStart = now;
    }
  } catch (e) {
    return { code: 1, message: (e as Error).message };
  }
  const trained = trainedDocument(doc, trainer.model.params);
  const text = stringifyDocument(trained) + '\n';
  if (options.out) writeFileSync(options.out, text);
  else process.stdout.write(text);
  return { code: 0 };
}

function epochLine(r: EpochReport, seconds: number, samples: number): string {
  const round = (v: number, digits = 4) => Number(v.toFixed(digits));
  return JSON.stringify({
    epoch: r.epoch,
    loss: round(r.loss),
    accuracy: round(r.accuracy),
    testLoss: r.test ? round(r.test.loss) : null,
    testAccuracy: r.test ? round(r.test.accuracy) : null,
    seconds: round(seconds, 2),
    samplesPerSecond: Math.round(samples / seconds),
  });
}

/** `--epochs N` and `--out FILE` from the arguments after FILE; an error message otherwise. */
export function parseTrainOptions(args: readonly string[]): TrainOptions | string {
  const options: TrainOptions = {};
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (value === undefined) return `${flag} needs a value`;
    if (flag === '--epochs') {
      const n = Number(value);
      if (!/^\d+$/.test(value) || n < 1 || n > LIMITS.maxEpochs)
        return `--epochs: expected an integer from 1 to ${LIMITS.maxEpochs}, got "${value}"`;
      options.epochs = n;
    } else if (flag === '--out') options.out = value;
    else return `unknown option "${flag}"`;
  }
  return options;
}
