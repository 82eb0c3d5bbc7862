import type { TrainingSection } from '../engine/train/prepare.ts';
import type { Confusion, TrainedTensor } from '../engine/train/training-api.ts';
import type { GraphEdit } from '../graph/edits.ts';
import { adoptTensorData } from '../graph/tensor-data.ts';
import type { GraphDocument } from '../graph/types.ts';
import type { EditorStore } from '../state/editor-store.ts';
import type { TrainingStore } from '../state/training-store.ts';
import type { TrainingClient } from './training-client.ts';

/** The Train panel's buttons, keeping the training store and the document in step. */
export interface TrainingController {
  /** Prepare a run from the document's training section and start it. */
  start(): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** One batch (preparing a run first if there is none). */
  step(): Promise<void>;
  /**
   * Forget the run and put back the weights the first run started from (the initializers,
   * so the same run can be watched again), as one undoable step.
   */
  reset(): void;
  watch(split: 'train' | 'test', index: number): Promise<void>;
  /** Pause, keep the weights in the document, and let the next Start prepare a new run. */
  stop(): Promise<void>;
  /** Another graph was loaded: drop the run and everything shown of it. */
  forget(): void;
  /**
   * "Why it said that": the saliency maps of the graph's Input tensor as it is now (against
   * its label when it is a sample put there), into the store; `false` clears them.
   */
  explain(on: boolean): Promise<void>;
  /** The confusion matrix of a split with the run's current weights, or null without a run. */
  confusion(split: 'train' | 'test'): Promise<Confusion | null>;
}

function sectionOf(doc: GraphDocument): TrainingSection | null {
  return (doc as GraphDocument & { training?: TrainingSection }).training ?? null;
}

/**
 * Runs the training client for the editor. While a run is paused or has ended, its weights
 * are written into the document as one undoable step (Undo returns the weights from before
 * it); the engine then shows them like any other edit.
 */
export function createTrainingController(
  editor: EditorStore,
  training: TrainingStore,
  client: TrainingClient,
): TrainingController {
  let prepared = false;
  /** What the user last asked for: a report that crossed a pause on its way says paused. */
  let running = false;
  /** The trained nodes' kernel and bias as they were before the first run. */
  let initial: GraphEdit[] | null = null;

  const prepare = async (): Promise<boolean> => {
    const doc = editor.getState().doc;
    const section = sectionOf(doc);
    if (!section) {
      training.failed('this graph has no training section');
      return false;
    }
    initial ??= initialWeights(doc);
    training.loading();
    try {
      const result = await client.start(doc, section, (r) => {
        training.report(r.state === 'running' && !running ? { ...r, state: 'paused' } : r);
        if (r.state === 'ended') {
          running = false;
          void keepWeights();
        }
      });
      if (!result.ok) {
        training.failed(`${result.path}: ${result.error}`);
        return false;
      }
      training.started(result.info);
      prepared = true;
      // Follow a sample the network does not train on, when there is one.
      const watch = training.getState().watch;
      const split = result.info.testCount > 0 ? 'test' : 'train';
      const count = split === 'test' ? result.info.testCount : result.info.trainCount;
      const index = watch.split === split && watch.index < count ? watch.index : 0;
      training.setWatched(await client.watch(split, index), { split, index });
      return true;
    } catch (e) {
      training.failed((e as Error).message);
      return false;
    }
  };

  /** Once the store has the report of step `steps` (at most a second later). */
  const caughtUp = (steps: number) =>
    new Promise<void>((done) => {
      const reached = () => (training.getState().position?.steps ?? 0) >= steps;
      if (reached()) return done();
      const timer = setTimeout(finish, 1000);
      const stop = training.subscribe(() => reached() && finish());
      function finish() {
        clearTimeout(timer);
        stop();
        done();
      }
    });

  /** The run's weights into the document, as one undo step. */
  const keepWeights = async () => {
    const weights = await client.weights();
    const edits = weightEdits(weights);
    if (edits.length > 0) editor.dispatch(edits, { separateStep: true });
  };

  return {
    async start() {
      // A run prepared but not yet trained (to look at the network) starts as it is.
      if (!(prepared && training.getState().phase === 'ready') && !(await prepare())) return;
      running = true;
      await client.resume();
    },
    async pause() {
      running = false;
      // Reports of the last slices may still be on their way (another message channel).
      await caughtUp(await client.pause());
      training.setPhase('paused');
      await keepWeights();
    },
    async resume() {
      if (!prepared && !(await prepare())) return;
      running = true;
      training.setPhase('running');
      await client.resume();
    },
    async step() {
      if (!prepared && !(await prepare())) return;
      training.report(await client.step());
      await keepWeights();
    },
    reset() {
      prepared = false;
      running = false;
      void client.pause();
      training.reset();
      if (initial?.length) editor.dispatch(initial, { separateStep: true });
      initial = null;
    },
    async stop() {
      if (!prepared) return;
      running = false;
      await client.pause();
      await keepWeights();
      prepared = false;
      training.setPhase('idle');
    },
    async explain(on) {
      const doc = editor.getState().doc;
      const section = sectionOf(doc);
      const input = section && doc.nodes.find((n) => n.id === section.input);
      if (!on || running || input?.type !== 'Input') return training.setSaliency(null);
      if (!prepared && !(await prepare())) return;
      const data = input.params.tensor.data;
      const shown = training.getState().shown;
      const label = shown && shown.data === data ? shown.label : null;
      const maps = await client.saliency(Float32Array.from(data), input.id, label);
      training.setSaliency({ of: data, maps });
    },
    async confusion(split) {
      return prepared ? client.confusion(split) : null;
    },
    forget() {
      running = false;
      prepared = false;
      initial = null;
      void client.pause();
      training.clear();
    },
    async watch(split, index) {
      if (!prepared) return;
      const view = await client.watch(split, index);
      training.setWatched(view, { split, index });
      if (running) return;
      // Not training: the sample goes onto the Input, so the graph computes it (an edit).
      const section = sectionOf(editor.getState().doc);
      const input = section && editor.getState().doc.nodes.find((n) => n.id === section.input);
      if (input?.type !== 'Input') return;
      const data = adoptTensorData(view.input);
      const result = editor.dispatch([
        {
          kind: 'setParams',
          id: input.id,
          params: { tensor: { shape: input.params.tensor.shape, data } },
        },
      ]);
      if (result.ok) training.setShown({ data, label: view.label });
    },
  };
}

/** Every Conv2D's and Dense's kernel and bias specs as they are now, as edits that restore them. */
function initialWeights(doc: GraphDocument): GraphEdit[] {
  return doc.nodes.flatMap((n): GraphEdit[] =>
    n.type === 'Conv2D' || n.type === 'Dense'
      ? [{ kind: 'setParams', id: n.id, params: { kernel: n.params.kernel, bias: n.params.bias } }]
      : [],
  );
}

/** One setParams per trained node, its kernel and bias as explicit tensors. */
export function weightEdits(weights: readonly TrainedTensor[]): GraphEdit[] {
  const byNode = new Map<string, Record<string, unknown>>();
  for (const w of weights) {
    const params = byNode.get(w.nodeId) ?? {};
    params[w.name] = { shape: w.shape, data: adoptTensorData(w.data) };
    byNode.set(w.nodeId, params);
  }
  return [...byNode].map(([id, params]) => ({ kind: 'setParams', id, params }));
}
