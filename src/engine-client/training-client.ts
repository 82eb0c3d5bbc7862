import { wrap, type Remote } from 'comlink';
import type { TrainWorkerApi } from '../../workers/train.worker.ts';
import type { DriverReport } from '../engine/train/training-driver.ts';
import type {
  Confusion,
  SampleView,
  StartResult,
  TrainedTensor,
} from '../engine/train/training-api.ts';
import type { TrainingSection } from '../engine/train/prepare.ts';
import type { GraphDocument } from '../graph/types.ts';

/** The training worker as the page calls it. Started on the first run, kept for the next. */
export interface TrainingClient {
  start(
    doc: Pick<GraphDocument, 'nodes' | 'edges'>,
    section: TrainingSection,
  ): Promise<StartResult>;
  /** Train for about 100 ms; the page calls it again for as long as the run should go on. */
  slice(): Promise<DriverReport>;
  /** One batch; with `record`, its step record too (small networks). */
  step(record?: boolean): Promise<DriverReport>;
  watch(split: 'train' | 'test', index: number): Promise<SampleView>;
  predict(input: Float32Array): Promise<SampleView>;
  weights(): Promise<TrainedTensor[]>;
  confusion(split: 'train' | 'test'): Promise<Confusion>;
  labels(split: 'train' | 'test'): Promise<Uint8Array>;
  saliency(
    input: Float32Array,
    inputId: string,
    label: number | null,
  ): Promise<Map<string, Float32Array>>;
  /** Throw the worker (and its run) away. */
  dispose(): void;
}

/**
 * A client whose worker starts on first use; `onCrash` hears when the worker dies (then
 * the next call starts a fresh one, without the run).
 */
export function createTrainingClient(onCrash: (reason: string) => void): TrainingClient {
  let worker: Worker | null = null;
  let remote: Remote<TrainWorkerApi> | null = null;
  const connect = (): Remote<TrainWorkerApi> => {
    if (remote) return remote;
    const started = new Worker(new URL('../../workers/train.worker.ts', import.meta.url), {
      type: 'module',
      name: 'convflow-training',
    });
    started.addEventListener('error', (event) => {
      event.preventDefault();
      drop();
      onCrash(event.message || 'the training worker failed');
    });
    worker = started;
    remote = wrap<TrainWorkerApi>(started);
    return remote;
  };
  const drop = () => {
    worker?.terminate();
    worker = null;
    remote = null;
  };
  return {
    start: (doc, section) => connect().start(doc, section),
    slice: () => connect().slice(),
    step: (record = false) => connect().step(record),
    watch: (split, index) => connect().watch(split, index),
    predict: (input) => connect().predict(input),
    weights: () => connect().weights(),
    confusion: (split) => connect().confusion(split),
    labels: (split) => connect().labels(split),
    saliency: (input, inputId, label) => connect().saliency(input, inputId, label),
    dispose: drop,
  };
}
