import { mulberry32 } from '../../graph/prng.ts';
import { size, type LabelledSet } from './data.ts';
import { plainAllocator, type FloatAllocator, type Floats } from './floats.ts';
import { lossAndGradient, type LossName } from './losses.ts';
import { correctRows } from './metrics.ts';
import type { TrainModel } from './model.ts';
import {
  createOptimizer,
  type Optimizer,
  type OptimizerConfig,
  type OptimizerSnapshot,
} from './optimizers/index.ts';

/** What `model.fit` is told: the training section's fields, defaults filled in. */
export interface TrainerConfig {
  loss: LossName;
  optimizer: OptimizerConfig;
  batchSize: number;
  epochs: number;
  shuffle: boolean;
  seed: number;
}

export interface Metrics {
  loss: number;
  accuracy: number;
}

export interface EpochReport extends Metrics {
  /** 1-based, as Keras prints it. */
  epoch: number;
  test: Metrics | null;
}

export interface StepReport extends Metrics {
  /** The epoch (1-based) and batch (0-based) this step trained on. */
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  samples: number;
  /** Set when this step finished an epoch. */
  epochEnd: EpochReport | null;
}

/**
 * Watches one training step from inside, for the backward explain view: the batch, every
 * gradient on its way down, and the optimizer before and after. What it is handed is the
 * trainer's own buffers: a recorder copies what it keeps.
 */
export interface StepRecorder {
  /** The batch: the samples' indices in the training set, inputs and targets. */
  batch(indices: Int32Array, x: Floats, y: Floats, n: number): void;
  /** After the forward pass: the batch's mean loss. */
  forward(model: TrainModel, n: number, loss: number): void;
  /** The gradient at layer `layer`'s output (−1: at the model's input). */
  gradient(layer: number, dy: Floats): void;
  /** Just before and just after the optimizer's update of `model.params`. */
  update(when: 'before' | 'after', optimizer: OptimizerSnapshot): void;
}

/**
 * Keras's `model.fit` one batch at a time, so the caller (a worker between messages, the
 * CLI in a loop) decides when to go on. Each epoch visits every sample once, in data order
 * or in a permutation drawn from the seed and the epoch; the last batch may be smaller.
 * All buffers are allocated here; a step allocates nothing but its report.
 */
export class Trainer {
  readonly batchesPerEpoch: number;
  /** Training steps taken so far. */
  steps = 0;
  private epochIndex = 0;
  private batchIndex = 0;
  private order: Int32Array;
  private readonly xBatch: Floats;
  private readonly yBatch: Floats;
  private readonly dOut: Floats;
  private readonly optimizer: Optimizer;
  private sums = { loss: 0, correct: 0, rows: 0, samples: 0 };

  constructor(
    readonly model: TrainModel,
    readonly train: LabelledSet,
    readonly test: LabelledSet | null,
    readonly config: TrainerConfig,
    alloc: FloatAllocator = plainAllocator(),
  ) {
    const b = config.batchSize;
    this.batchesPerEpoch = Math.ceil(train.count / b);
    this.order = new Int32Array(train.count);
    this.xBatch = alloc.floats(b * size(model.inShape));
    this.yBatch = alloc.floats(b * size(model.outShape));
    this.dOut = alloc.floats(b * size(model.outShape));
    this.optimizer = createOptimizer(config.optimizer, model.params, alloc);
    this.shuffle();
  }

  /** Epochs finished, and the next batch's index within its epoch. */
  get epochsDone(): number {
    return this.epochIndex;
  }
  get batchInEpoch(): number {
    return this.batchIndex;
  }

  /** The buffer a batch is gathered into: `predict` writes one sample there. */
  inputBuffer(): Floats {
    return this.xBatch;
  }

  /** The buffer the loss's gradient goes into: a saliency map starts there. */
  outputGradientBuffer(): Floats {
    return this.dOut;
  }

  /** Whether every epoch has been trained. */
  get done(): boolean {
    return this.epochIndex >= this.config.epochs;
  }

  /**
   * Train on the next batch; throws when done, or when the loss stops being finite. A
   * `recorder` also gets the gradient at the input (the others are computed anyway).
   */
  step(recorder?: StepRecorder): StepReport {
    if (this.done) throw new Error('training is finished: every epoch has run');
    const { batchSize } = this.config;
    const start = this.batchIndex * batchSize;
    const n = Math.min(batchSize, this.train.count - start);
    gather(this.train, this.order, start, n, this.xBatch, this.yBatch);
    recorder?.batch(this.order.subarray(start, start + n), this.xBatch, this.yBatch, n);
    const y = this.model.forward(this.xBatch, n, { training: true, step: this.steps });
    const count = n * size(this.model.outShape);
    const lastDim = this.lastDim;
    const loss = lossAndGradient(this.config.loss, y, this.yBatch, count, lastDim, this.dOut);
    if (!Number.isFinite(loss)) {
      throw new Error(
        `the loss became ${loss} at epoch ${this.epochIndex + 1}, batch ${this.batchIndex + 1}: training diverged (try a smaller learning rate)`,
      );
    }
    const [correct, rows] = correctRows(y, this.yBatch, count, lastDim);
    if (recorder) {
      recorder.forward(this.model, n, loss);
      const watch = (i: number, dy: Floats) => recorder.gradient(i, dy);
      recorder.gradient(-1, this.model.backward(this.dOut, n, true, watch)!);
      recorder.update('before', this.optimizer.snapshot());
    } else this.model.backward(this.dOut, n);
    this.optimizer.step(this.model.params);
    recorder?.update('after', this.optimizer.snapshot());
    this.steps++;
    this.sums.loss += loss * n;
    this.sums.correct += correct;
    this.sums.rows += rows;
    this.sums.samples += n;
    const report: StepReport = {
      epoch: this.epochIndex + 1,
      batch: this.batchIndex,
      batchesPerEpoch: this.batchesPerEpoch,
      samples: n,
      loss,
      accuracy: correct / rows,
      epochEnd: null,
    };
    if (++this.batchIndex === this.batchesPerEpoch) report.epochEnd = this.finishEpoch();
    return report;
  }

  /** Loss and accuracy over `set` at inference (Dropout passes through), in batches. */
  evaluate(set: LabelledSet): Metrics {
    const { batchSize } = this.config;
    const outSize = size(this.model.outShape);
    let loss = 0;
    let correct = 0;
    let rows = 0;
    for (let start = 0; start < set.count; start += batchSize) {
      const n = Math.min(batchSize, set.count - start);
      this.xBatch.set(
        set.x.subarray(start * size(set.sampleShape), (start + n) * size(set.sampleShape)),
      );
      this.yBatch.set(set.y.subarray(start * outSize, (start + n) * outSize));
      const y = this.model.forward(this.xBatch, n, { training: false, step: this.steps });
      loss +=
        n * lossAndGradient(this.config.loss, y, this.yBatch, n * outSize, this.lastDim, this.dOut);
      const [c, r] = correctRows(y, this.yBatch, n * outSize, this.lastDim);
      correct += c;
      rows += r;
    }
    return { loss: loss / set.count, accuracy: correct / rows };
  }

  private get lastDim(): number {
    return this.model.outShape[this.model.outShape.length - 1]!;
  }

  private finishEpoch(): EpochReport {
    const { loss, correct, rows, samples } = this.sums;
    const report: EpochReport = {
      epoch: this.epochIndex + 1,
      loss: loss / samples,
      accuracy: correct / rows,
      test: this.test ? this.evaluate(this.test) : null,
    };
    this.sums = { loss: 0, correct: 0, rows: 0, samples: 0 };
    this.epochIndex++;
    this.batchIndex = 0;
    this.shuffle();
    return report;
  }

  /** This epoch's sample order: data order, or a Fisher–Yates shuffle seeded by seed and epoch. */
  private shuffle(): void {
    const order = this.order;
    for (let i = 0; i < order.length; i++) order[i] = i;
    if (!this.config.shuffle) return;
    const next = mulberry32(Math.imul(this.config.seed ^ 0x5bd1e995, 0x9e3779b1) ^ this.epochIndex);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
  }
}

/** Copy samples `order[start .. start + n)` of `set` into the batch buffers. */
function gather(
  set: LabelledSet,
  order: Int32Array,
  start: number,
  n: number,
  x: Floats,
  y: Floats,
): void {
  const xs = size(set.sampleShape);
  const ys = size(set.labelShape);
  for (let i = 0; i < n; i++) {
    const s = order[start + i]!;
    x.set(set.x.subarray(s * xs, (s + 1) * xs), i * xs);
    y.set(set.y.subarray(s * ys, (s + 1) * ys), i * ys);
  }
}
