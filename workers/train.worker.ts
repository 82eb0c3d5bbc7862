import { expose, transfer } from 'comlink';
import { TrainingDriver, type DriverReport } from '../src/engine/train/training-driver.ts';
import type {
  Confusion,
  SampleView,
  StartResult,
  TrainedTensor,
} from '../src/engine/train/training-api.ts';
import type { TrainingSection } from '../src/engine/train/prepare.ts';
import type { GraphDocument } from '../src/graph/types.ts';
import { loadMnist, type MnistSets } from './mnist-fetch.ts';

/** What the page calls: a training run driven in slices, between which messages are answered. */
export interface TrainWorkerApi {
  /** Prepare a run of `section` on `doc` (fetching a data set first); it starts paused. */
  start(
    doc: Pick<GraphDocument, 'nodes' | 'edges'>,
    section: TrainingSection,
    onReport: (r: DriverReport) => void,
  ): Promise<StartResult>;
  resume(): void;
  /** Resolves to the steps taken when the run stopped. */
  pause(): Promise<number>;
  step(): Promise<DriverReport>;
  watch(split: 'train' | 'test', index: number): SampleView;
  predict(input: Float32Array): SampleView;
  weights(): TrainedTensor[];
  confusion(split: 'train' | 'test'): Confusion;
  saliency(input: Float32Array, inputId: string, label: number | null): Map<string, Float32Array>;
}

// A timer, not a message to ourselves: Chromium may serve a port's own messages before the
// page's, so a pause would wait for the run to end. A timer lets queued messages (pause,
// watch) run before the next slice.
const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const driver = new TrainingDriver({ yieldToEvents });
let report: ((r: DriverReport) => void) | null = null;
let mnist: MnistSets | null = null;

function buffersOfView(view: SampleView | null): ArrayBuffer[] {
  if (!view) return [];
  return [...view.outputs.values()].map((a) => a.buffer as ArrayBuffer);
}

function buffersOfReport(r: DriverReport): ArrayBuffer[] {
  return [...buffersOfView(r.watched), ...r.kernels.map((k) => k.data.buffer as ArrayBuffer)];
}

const exposed: TrainWorkerApi = {
  async start(doc, section, onReport) {
    if ('dataset' in section.data) mnist ??= await loadMnist();
    report = onReport;
    const sets = mnist;
    return driver.start(doc, section, {
      mnist: () => {
        if (!sets) throw new Error('the MNIST data set is not loaded');
        return sets;
      },
    });
  },
  resume: () => driver.resume((r) => report?.(transfer(r, buffersOfView(r.watched)))),
  pause: () => driver.pause(),
  step: async () => {
    const r = await driver.step();
    return transfer(r, buffersOfReport(r));
  },
  watch: (split, index) => {
    const view = driver.watchSample(split, index);
    return transfer(view, buffersOfView(view));
  },
  predict: (input) => {
    const view = driver.predict(input);
    return transfer(view, buffersOfView(view));
  },
  confusion: (split) => driver.confusion(split),
  saliency: (input, inputId, label) => {
    const maps = driver.saliency(input, inputId, label);
    return transfer(
      maps,
      [...maps.values()].map((a) => a.buffer as ArrayBuffer),
    );
  },
  weights: () => {
    const w = driver.weights();
    return transfer(
      w,
      w.map((t) => t.data.buffer as ArrayBuffer),
    );
  },
};

expose(exposed);
