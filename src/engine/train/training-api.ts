import type { GraphDocument } from '../../graph/types.ts';
import { now as clockNow } from '../clock.ts';
import { createTrainer } from './create-trainer.ts';
import { size, type LabelledSet } from './data.ts';
import { lossAndGradient } from './losses.ts';
import { argmax } from './metrics.ts';
import { prepareTraining, type DatasetLoaders, type TrainingSection } from './prepare.ts';
import { recordSize, recordStep, type StepRecord } from './step-record.ts';
import type { EpochReport, Trainer } from './trainer.ts';

/** The largest step record kept (values): a slide-sized network's, not LeNet's on 32 digits. */
export const MAX_RECORD_VALUES = 1 << 20;

/** What happened since the last report: enough for a progress bar and the charts. */
export interface TrainProgress {
  /** 1-based epoch and 0-based batch of the next step; `done` once every epoch ran. */
  epoch: number;
  epochs: number;
  batch: number;
  batchesPerEpoch: number;
  steps: number;
  done: boolean;
  /** Each batch's loss and accuracy since the last report, in order. */
  batchLosses: number[];
  batchAccuracies: number[];
  epochEnds: EpochReport[];
  /** Over the steps this report covers (0 when it covers none). */
  samplesPerSecond: number;
  /** The run's failure (a diverging loss); training stops. */
  error?: string;
}

export interface TrainingInfo {
  trainCount: number;
  testCount: number;
  batchesPerEpoch: number;
  epochs: number;
  /** Trainable values in the chain. */
  parameters: number;
  /** Node ids from the input's first layer to the output. */
  chain: string[];
  /** The output's last dimension: the classes of a classifier. */
  classes: number;
}

export interface TrainedTensor {
  nodeId: string;
  name: 'kernel' | 'bias';
  shape: number[];
  data: Float32Array;
}

/** One sample through the network at inference: every chain node's output, and the verdict. */
export interface SampleView {
  input: Float32Array;
  outputs: Map<string, Float32Array>;
  /** The label's class (argmax of the target), and the predicted one. */
  label: number;
  predicted: number;
}

/** How the network does on a split: counts[label][predicted], and the samples in each cell. */
export interface Confusion {
  split: 'train' | 'test';
  classes: number;
  counts: number[][];
  /** Sample indices per cell, row-major like `counts` (label · classes + predicted). */
  cells: number[][];
  /** The wrong answers given with the most confidence, most confident first (at most 12). */
  worst: { index: number; label: number; predicted: number; confidence: number }[];
}

export type StartResult =
  { ok: true; info: TrainingInfo } | { ok: false; path: string; error: string };

/**
 * A training run the training worker drives: start from a document, then `run` in slices
 * (between which the worker answers messages), `step` one batch, look at samples, take
 * the weights. Pure: the data set loader is passed in, the clock too.
 */
export class TrainingRun {
  private trainer: Trainer | null = null;
  private sets: { train: LabelledSet; test: LabelledSet | null } | null = null;
  private failure: string | null = null;
  private inputId = '';

  constructor(private readonly now: () => number = clockNow) {}

  start(
    doc: Pick<GraphDocument, 'nodes' | 'edges'>,
    section: TrainingSection,
    loaders: DatasetLoaders,
  ): StartResult {
    const prepared = prepareTraining(doc, section, loaders);
    if (!prepared.ok) return prepared;
    const trainer = createTrainer(prepared.setup);
    this.trainer = trainer;
    this.failure = null;
    this.inputId = section.input;
    this.sets = { train: prepared.setup.train, test: prepared.setup.test };
    return {
      ok: true,
      info: {
        trainCount: prepared.setup.train.count,
        testCount: prepared.setup.test?.count ?? 0,
        batchesPerEpoch: trainer.batchesPerEpoch,
        epochs: prepared.setup.config.epochs,
        parameters: trainer.model.params.reduce((n, p) => n + p.value.length, 0),
        chain: trainer.model.layers.map((l) => l.node.id),
        classes: trainer.model.outShape[trainer.model.outShape.length - 1]!,
      },
    };
  }

  /** Train batches until `budgetMs` has passed (at least one), or the run ends. */
  run(budgetMs: number): TrainProgress {
    const t = this.need();
    const start = this.now();
    const progress = this.emptyProgress();
    let samples = 0;
    while (!t.done && !this.failure) {
      samples += this.stepInto(progress);
      if (this.now() - start >= budgetMs) break;
    }
    return this.finish(progress, samples, this.now() - start);
  }

  /**
   * Exactly one batch. With `record`, a network small enough (MAX_RECORD_VALUES) also
   * returns the step's record for the backward explain view.
   */
  step(record = false): TrainProgress & { record: StepRecord | null } {
    const t = this.need();
    const start = this.now();
    const progress = this.emptyProgress();
    const keep = record && recordSize(t.model, t.config.batchSize) <= MAX_RECORD_VALUES;
    const out = { record: null as StepRecord | null };
    const samples = t.done || this.failure ? 0 : this.stepInto(progress, keep ? out : null);
    return { ...this.finish(progress, samples, this.now() - start), record: out.record };
  }

  /** Copies of every trained tensor, for the document or the filters' heatmaps. */
  weights(): TrainedTensor[] {
    return this.need().model.params.map((p) => ({
      nodeId: p.nodeId,
      name: p.name,
      shape: [...p.shape],
      data: Float32Array.from(p.value),
    }));
  }

  /** Copies of the Conv2D kernels only: small, and what the filter maps show while training. */
  convKernels(): TrainedTensor[] {
    const t = this.need();
    const convs = new Set(
      t.model.layers.filter((l) => l.node.type === 'Conv2D').map((l) => l.node.id),
    );
    return this.weights().filter((w) => w.name === 'kernel' && convs.has(w.nodeId));
  }

  /** Sample `index` of a split (or given pixels) through the current weights, at inference. */
  sample(split: 'train' | 'test', index: number): SampleView {
    const set = split === 'train' ? this.sets?.train : this.sets?.test;
    if (!set) throw new Error(`there is no ${split} split`);
    if (!Number.isInteger(index) || index < 0 || index >= set.count)
      throw new Error(`sample ${index} is outside the ${split} split (0 to ${set.count - 1})`);
    const xs = size(set.sampleShape);
    const ys = size(set.labelShape);
    const view = this.predict(set.x.slice(index * xs, (index + 1) * xs));
    return {
      ...view,
      label: argmax(set.y, index * ys, set.labelShape[set.labelShape.length - 1]!),
    };
  }

  /**
   * Why the network answered as it did for `input`: the gradient of the loss against
   * `label` (or, with `label` null, of the predicted class's score) at every chain node's
   * output and at the input: a saliency map. Inference mode; no weight changes.
   */
  saliency(input: Float32Array, inputId: string, label: number | null): Map<string, Float32Array> {
    const t = this.need();
    const model = t.model;
    if (model.outShape.length !== 1) throw new Error('a saliency map needs a vector output');
    const view = this.predict(input);
    const k = model.outShape[0]!;
    const y = model.layerOutputs(0).get(model.layers[model.layers.length - 1]!.node.id)!;
    const dOut = t.outputGradientBuffer();
    dOut.fill(0);
    if (label === null) dOut[view.predicted] = 1;
    else {
      const target = new Float32Array(k);
      target[label] = 1;
      lossAndGradient(t.config.loss, y, target, k, k, dOut);
    }
    return model.outputGradients(dOut, inputId);
  }

  /** Each sample's class in a split (the argmax of its label), for choosing samples by class. */
  labels(split: 'train' | 'test'): Uint8Array {
    const set = split === 'train' ? this.sets?.train : this.sets?.test;
    if (!set) throw new Error(`there is no ${split} split`);
    const k = set.labelShape[set.labelShape.length - 1]!;
    return Uint8Array.from({ length: set.count }, (_, i) => argmax(set.y, i * k, k));
  }

  /** Every sample of a split through the current weights (inference, in batches). */
  confusion(split: 'train' | 'test'): Confusion {
    const t = this.need();
    const set = split === 'train' ? this.sets?.train : this.sets?.test;
    if (!set) throw new Error(`there is no ${split} split`);
    const k = set.labelShape[set.labelShape.length - 1]!;
    if (set.labelShape.length !== 1 || k < 2)
      throw new Error('a confusion matrix needs one-hot labels of 2 or more classes');
    const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    const cells = Array.from({ length: k * k }, (): number[] => []);
    const wrong: Confusion['worst'] = [];
    const xs = size(set.sampleShape);
    const batch = t.config.batchSize;
    const x = t.inputBuffer();
    for (let start = 0; start < set.count; start += batch) {
      const n = Math.min(batch, set.count - start);
      x.set(set.x.subarray(start * xs, (start + n) * xs));
      const y = t.model.forward(x, n, { training: false, step: t.steps });
      for (let i = 0; i < n; i++) {
        const index = start + i;
        const label = argmax(set.y, index * k, k);
        const predicted = argmax(y, i * k, k);
        counts[label]![predicted]!++;
        cells[label * k + predicted]!.push(index);
        if (label !== predicted)
          wrong.push({ index, label, predicted, confidence: y[i * k + predicted]! });
      }
    }
    wrong.sort((a, b) => b.confidence - a.confidence);
    return { split, classes: k, counts, cells, worst: wrong.slice(0, 12) };
  }

  /** Any input through the current weights: what the network makes of a drawing. */
  predict(input: Float32Array): SampleView {
    const t = this.need();
    const model = t.model;
    if (input.length !== size(model.inShape))
      throw new Error(`expected ${size(model.inShape)} input values, got ${input.length}`);
    const x = t.inputBuffer();
    x.set(input);
    const y = model.forward(x, 1, { training: false, step: t.steps });
    const k = model.outShape[model.outShape.length - 1]!;
    return { input, outputs: model.layerOutputs(0), label: -1, predicted: argmax(y, 0, k) };
  }

  /** Training steps taken so far (0 before a run starts). */
  get steps(): number {
    return this.trainer?.steps ?? 0;
  }

  get started(): boolean {
    return this.trainer !== null;
  }

  private need(): Trainer {
    if (!this.trainer) throw new Error('no training run: start one first');
    return this.trainer;
  }

  private emptyProgress(): TrainProgress {
    return {
      ...this.position(),
      batchLosses: [],
      batchAccuracies: [],
      epochEnds: [],
      samplesPerSecond: 0,
    };
  }

  private stepInto(progress: TrainProgress, out?: { record: StepRecord | null } | null): number {
    try {
      const t = this.need();
      let r;
      if (out) ({ report: r, record: out.record } = recordStep(t, this.inputId));
      else r = t.step();
      progress.batchLosses.push(r.loss);
      progress.batchAccuracies.push(r.accuracy);
      if (r.epochEnd) progress.epochEnds.push(r.epochEnd);
      return r.samples;
    } catch (e) {
      this.failure = (e as Error).message;
      return 0;
    }
  }

  private finish(progress: TrainProgress, samples: number, ms: number): TrainProgress {
    return {
      ...progress,
      ...this.position(),
      samplesPerSecond: samples > 0 && ms > 0 ? (samples * 1000) / ms : 0,
      ...(this.failure && { error: this.failure }),
    };
  }

  private position() {
    const t = this.need();
    return {
      epoch: Math.min(t.epochsDone + 1, t.config.epochs),
      epochs: t.config.epochs,
      // Once done, the position is the end of the last epoch.
      batch: t.done ? t.batchesPerEpoch : t.batchInEpoch,
      batchesPerEpoch: t.batchesPerEpoch,
      steps: t.steps,
      done: t.done || this.failure !== null,
    };
  }
}
