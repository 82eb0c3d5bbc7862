import type { DriverReport } from '../engine/train/training-driver.ts';
import type { SampleView, TrainingInfo } from '../engine/train/training-api.ts';
import type { StepRecord } from '../engine/train/step-record.ts';
import type { EpochReport } from '../engine/train/trainer.ts';

/** `ready`: a run is prepared (data loaded, weights laid out) but has not trained yet. */
export type TrainingPhase =
  'idle' | 'loading' | 'ready' | 'running' | 'paused' | 'ended' | 'failed';

/** A run's curves: the loss of every batch, and the metrics of every finished epoch. */
export interface RunCurves {
  batchLosses: readonly number[];
  batchAccuracies: readonly number[];
  epochs: readonly EpochReport[];
}

export interface TrainingPosition {
  epoch: number;
  epochs: number;
  batch: number;
  batchesPerEpoch: number;
  steps: number;
  samplesPerSecond: number;
}

/** What the Train panel and the live maps show. Replaced, never mutated. */
export interface TrainingState {
  phase: TrainingPhase;
  info: TrainingInfo | null;
  position: TrainingPosition | null;
  curves: RunCurves;
  /** The run before the last reset or restart, drawn in grey for comparison. */
  previous: RunCurves | null;
  /** The watched sample through the current weights: the maps follow it while training. */
  watched: SampleView | null;
  /** Which sample that is. */
  watch: { split: 'train' | 'test'; index: number };
  /**
   * With "Why it said that" on: the gradient at every chain node's output and the Input for
   * the graph's Input tensor `of` (by identity), shown instead of the outputs.
   */
  saliency: { of: Float32Array; maps: ReadonlyMap<string, Float32Array> } | null;
  /** A sample put on the Input (its pixels, by identity) and its label, to mark predictions. */
  shown: { data: Float32Array; label: number } | null;
  /** The Conv2D kernels as the run has them: node id → [kh, kw, inC, filters] values. */
  kernels: ReadonlyMap<string, Float32Array>;
  /**
   * The last step taken with "Step one batch", recorded for the backward explain view while
   * it is still the run's last step (a small network only).
   */
  lastStep: StepRecord | null;
  /** Why the run stopped, when it failed or could not start. */
  error: string | null;
}

const NO_CURVES: RunCurves = { batchLosses: [], batchAccuracies: [], epochs: [] };

export const IDLE: TrainingState = {
  phase: 'idle',
  info: null,
  position: null,
  curves: NO_CURVES,
  previous: null,
  watched: null,
  watch: { split: 'train', index: 0 },
  kernels: new Map(),
  shown: null,
  saliency: null,
  lastStep: null,
  error: null,
};

export interface TrainingStore {
  getState(): TrainingState;
  subscribe(listener: () => void): () => void;
  /** A new run is being prepared: the old curves become the grey ones. */
  loading(): void;
  started(info: TrainingInfo): void;
  /** Merge a slice's report: the curves grow, the position and the watched sample move. */
  report(r: DriverReport): void;
  setPhase(phase: TrainingPhase): void;
  setWatched(view: SampleView, watch: TrainingState['watch']): void;
  setShown(shown: TrainingState['shown']): void;
  setSaliency(saliency: TrainingState['saliency']): void;
  failed(error: string): void;
  /** Back to no run (the weights were reset): the curves are kept as the previous run's. */
  reset(): void;
  /** Another graph: nothing of the last one's runs is kept. */
  clear(): void;
}

export function createTrainingStore(): TrainingStore {
  let state = IDLE;
  const listeners = new Set<() => void>();
  const set = (next: TrainingState) => {
    state = next;
    for (const l of [...listeners]) l();
  };
  const keepCurves = (): RunCurves | null =>
    state.curves.batchLosses.length > 0 ? state.curves : state.previous;
  return {
    getState: () => state,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    loading: () =>
      set({
        ...IDLE,
        phase: 'loading',
        previous: keepCurves(),
        watch: state.watch,
        shown: state.shown,
      }),
    started: (info) => set({ ...state, phase: 'ready', info, error: null }),
    report: (r) =>
      set({
        ...state,
        phase: r.error ? 'failed' : r.state === 'ended' ? 'ended' : r.state,
        error: r.error ?? null,
        position: {
          epoch: r.epoch,
          epochs: r.epochs,
          batch: r.batch,
          batchesPerEpoch: r.batchesPerEpoch,
          steps: r.steps,
          samplesPerSecond: r.samplesPerSecond || (state.position?.samplesPerSecond ?? 0),
        },
        curves: {
          batchLosses: [...state.curves.batchLosses, ...r.batchLosses],
          batchAccuracies: [...state.curves.batchAccuracies, ...r.batchAccuracies],
          epochs: [...state.curves.epochs, ...r.epochEnds],
        },
        watched: r.watched ?? state.watched,
        kernels: new Map(r.kernels.map((k) => [k.nodeId, k.data])),
        saliency: null,
        lastStep: r.record ?? (state.lastStep?.step === r.steps ? state.lastStep : null),
      }),
    setPhase: (phase) => set({ ...state, phase }),
    setWatched: (view, watch) => set({ ...state, watched: view, watch }),
    setShown: (shown) => set({ ...state, shown }),
    setSaliency: (saliency) => set({ ...state, saliency }),
    failed: (error) => set({ ...state, phase: 'failed', error }),
    reset: () => set({ ...IDLE, previous: keepCurves(), watch: state.watch, shown: state.shown }),
    clear: () => set(IDLE),
  };
}

/** Seconds left at the current pace, or null before there is a pace. */
export function secondsLeft(p: TrainingPosition | null, batchSize: number): number | null {
  if (!p || p.samplesPerSecond <= 0) return null;
  const batchesLeft = (p.epochs - p.epoch) * p.batchesPerEpoch + (p.batchesPerEpoch - p.batch);
  return (batchesLeft * batchSize) / p.samplesPerSecond;
}
