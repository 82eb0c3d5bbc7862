import type { GraphDocument } from '../../graph/types.ts';
import type { DatasetLoaders, TrainingSection } from './prepare.ts';
import type { StepRecord } from './step-record.ts';
import {
  TrainingRun,
  type Confusion,
  type SampleView,
  type StartResult,
  type TrainedTensor,
  type TrainProgress,
} from './training-api.ts';

/** A slice's report, with the watched sample through the weights as they are after it. */
export interface DriverReport extends TrainProgress {
  /** `running` while slices follow on their own; `paused` after pause or step; `ended`. */
  state: 'running' | 'paused' | 'ended';
  watched: SampleView | null;
  /** The Conv2D kernels after this slice, for the filter maps. */
  kernels: TrainedTensor[];
  /** One step asked to be recorded: what it did, for the backward explain view. */
  record?: StepRecord | null;
}

export interface DriverOptions {
  /** Training time per slice: reports (and refreshed maps) come at most this often. */
  sliceMs?: number;
  /** Let queued messages run (a pause, a sample request) before the next slice. */
  yieldToEvents: () => Promise<void>;
  now?: () => number;
}

/**
 * Runs a TrainingRun in slices, so the worker answers messages between them: pause,
 * resume, one step, a different watched sample. Every slice reports progress with the
 * watched sample's outputs, which is how the canvas's maps follow the training live.
 */
export class TrainingDriver {
  private run: TrainingRun;
  private running = false;
  private loop: Promise<void> | null = null;
  private watch: { split: 'train' | 'test'; index: number } = { split: 'train', index: 0 };
  private readonly sliceMs: number;

  constructor(private readonly options: DriverOptions) {
    this.sliceMs = options.sliceMs ?? 100;
    this.run = new TrainingRun(options.now);
  }

  /** Prepare a run (discarding any other); it starts paused. */
  start(
    doc: Pick<GraphDocument, 'nodes' | 'edges'>,
    section: TrainingSection,
    loaders: DatasetLoaders,
  ): StartResult {
    this.running = false;
    this.run = new TrainingRun(this.options.now);
    return this.run.start(doc, section, loaders);
  }

  /** Train slice after slice, calling `report` after each, until paused or ended. */
  resume(report: (r: DriverReport) => void): void {
    if (this.running || !this.run.started) return;
    this.running = true;
    this.loop = this.slices(report);
  }

  /**
   * Stop after the slice in progress; resolves once it has stopped, to the steps taken: every
   * report up to that step has been handed out by then.
   */
  async pause(): Promise<number> {
    this.running = false;
    await this.loop;
    return this.run.steps;
  }

  /**
   * One slice of training, for a caller that drives the slices itself (the page, through
   * the worker: nothing can overtake its pause, which is simply not asking for more).
   */
  slice(): DriverReport {
    const progress = this.run.run(this.sliceMs);
    return {
      ...progress,
      state: progress.done ? 'ended' : 'running',
      watched: this.watched(),
      kernels: this.run.convKernels(),
    };
  }

  /** Pause, then train exactly one batch (recorded, if asked and small enough). */
  async step(record = false): Promise<DriverReport> {
    await this.pause();
    const { record: recorded, ...progress } = this.run.step(record);
    return { ...this.reportOf(progress), record: recorded };
  }

  /** Which sample the reports show: a split's index. */
  watchSample(split: 'train' | 'test', index: number): SampleView {
    const view = this.run.sample(split, index);
    this.watch = { split, index };
    return view;
  }

  labels(split: 'train' | 'test'): Uint8Array {
    return this.run.labels(split);
  }

  confusion(split: 'train' | 'test'): Confusion {
    return this.run.confusion(split);
  }

  saliency(input: Float32Array, inputId: string, label: number | null): Map<string, Float32Array> {
    return this.run.saliency(input, inputId, label);
  }

  predict(input: Float32Array): SampleView {
    return this.run.predict(input);
  }

  weights(): TrainedTensor[] {
    return this.run.weights();
  }

  private async slices(report: (r: DriverReport) => void): Promise<void> {
    while (this.running) {
      const progress = this.run.run(this.sliceMs);
      if (progress.done) this.running = false;
      report(this.reportOf(progress));
      await this.options.yieldToEvents();
    }
  }

  private reportOf(progress: TrainProgress): DriverReport {
    const state = progress.done ? 'ended' : this.running ? 'running' : 'paused';
    return { ...progress, state, watched: this.watched(), kernels: this.run.convKernels() };
  }

  /** The watched sample now, or null when its split has gone (a test index without a test set). */
  private watched(): SampleView | null {
    try {
      return this.run.sample(this.watch.split, this.watch.index);
    } catch {
      return null;
    }
  }
}
