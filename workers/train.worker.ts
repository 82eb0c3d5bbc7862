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

/**
 * What the page calls: a training run the page drives one slice at a time, so its own
 * messages (a sample, the weights) are answered between slices and a pause is not asking.
 */
export interface TrainWorkerApi {
  /** Prepare a run of `section` on `doc` (fetching a data set first). */
  start(
    doc: Pick<GraphDocument, 'nodes' | 'edges'>,
    section: TrainingSection,
  ): Promise<StartResult>;
  /** Train for about 100 ms (at least one batch). */
  slice(): DriverReport;
  /** One batch; with `record`, its step record too (small networks). */
  step(record: boolean): Promise<DriverReport>;
  watch(split: 'train' | 'test', index: number): SampleView;
  predict(input: Float32Array): SampleView;
  weights(): TrainedTensor[];
  confusion(split: 'train' | 'test'): Confusion;
  labels(split: 'train' | 'test'): Uint8Array;
  saliency(input: Float32Array, inputId: string, label: number | null): Map<string, Float32Array>;
}

// The worker never runs slices on its own, so nothing needs to yield to the page.
const driver = new TrainingDriver({ yieldToEvents: () => Promise.resolve() });
let mnist: MnistSets | null = null;

function buffersOfView(view: SampleView | null): ArrayBuffer[] {
  if (!view) return [];
  return [...view.outputs.values()].map((a) => a.buffer as ArrayBuffer);
}

function buffersOfReport(r: DriverReport): ArrayBuffer[] {
  return [...buffersOfView(r.watched), ...r.kernels.map((k) => k.data.buffer as ArrayBuffer)];
}

const exposed: TrainWorkerApi = {
  async start(doc, section) {
    if ('dataset' in section.data) mnist ??= await loadMnist();
    const sets = mnist;
    return driver.start(doc, section, {
      mnist: () => {
        if (!sets) throw new Error('the MNIST data set is not loaded');
        return sets;
      },
    });
  },
  slice: () => {
    const r = driver.slice();
    return transfer(r, buffersOfReport(r));
  },
  step: async (record) => {
    const r = await driver.step(record);
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
  labels: (split) => driver.labels(split),
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
