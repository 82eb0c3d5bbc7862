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
  /** Each sample's class in a split, or null without a run. */
  labels(split: 'train' | 'test'): Promise<Uint8Array | null>;
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
  /** Whether the run should go on: the loop below asks for slices while it is true. */
  let running = false;
  /** The slice loop in progress, if any; bumped `generation` ends a loop of a dropped run. */
  let loop: Promise<void> | null = null;
  let generation = 0;
  /** The trained nodes' kernel and bias as they were before the first run. */
  let initial: GraphEdit[] | null = null;
  /** The weights the prepared run holds, as the document has them (by identity). */
  let runWeights: WeightRefs | null = null;
  /**
   * A run trains on from its own weights; if the document's are no longer those (Undo, a
   * typed value, a loaded file), the next Start, Resume or Step prepares a run from the
   * document's instead, so training always continues from what the canvas shows.
   */
  const dropStaleRun = () => {
    if (prepared && runWeights && !sameWeights(runWeights, weightRefs(editor.getState().doc)))
      prepared = false;
  };

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
      generation++;
      const result = await client.start(doc, section);
      if (!result.ok) {
        training.failed(`${result.path}: ${result.error}`);
        return false;
      }
      training.started(result.info);
      prepared = true;
      runWeights = weightRefs(doc);
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

  /**
   * Ask the worker for slice after slice while `running`; the worker never trains unasked,
   * so a pause is just not asking again, and the last report is the last slice's.
   */
  const drive = (): Promise<void> => {
    const previous = loop;
    const mine = generation;
    // One loop at a time: a new one starts once an older (a dropped run's) has ended.
    // Assigned before the loop's first await returns: the loop compares it in `finally`.
    let current: Promise<void> | null = null;
    current = (async () => {
      await previous;
      try {
        while (running && mine === generation) {
          const r = await client.slice();
          if (mine !== generation) break;
          training.report(r.state === 'running' && !running ? { ...r, state: 'paused' } : r);
          if (r.state === 'ended') {
            running = false;
            await keepWeights();
          }
        }
      } catch (e) {
        running = false;
        training.failed((e as Error).message);
      } finally {
        if (loop === current) loop = null;
      }
    })();
    loop = current;
    return current;
  };

  /** Stop asking for slices; resolves once the one in flight has been shown. */
  const halt = async () => {
    running = false;
    await loop;
  };

  /** The run's weights into the document, as one undo step. */
  const keepWeights = async () => {
    const weights = await client.weights();
    const edits = weightEdits(weights);
    if (edits.length > 0) editor.dispatch(edits, { separateStep: true });
    runWeights = weightRefs(editor.getState().doc);
  };

  return {
    async start() {
      dropStaleRun();
      // A run prepared but not yet trained (to look at the network) starts as it is.
      if (!(prepared && training.getState().phase === 'ready') && !(await prepare())) return;
      running = true;
      training.setPhase('running');
      void drive();
    },
    async pause() {
      await halt();
      training.setPhase('paused');
      await keepWeights();
    },
    async resume() {
      dropStaleRun();
      if (!prepared && !(await prepare())) return;
      running = true;
      training.setPhase('running');
      void drive();
    },
    async step() {
      await halt();
      dropStaleRun();
      if (!prepared && !(await prepare())) return;
      training.report(await client.step(true));
      await keepWeights();
    },
    reset() {
      prepared = false;
      running = false;
      generation++;
      training.reset();
      if (initial?.length) editor.dispatch(initial, { separateStep: true });
      initial = null;
    },
    async stop() {
      if (!prepared) return;
      await halt();
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
    async labels(split) {
      return prepared ? client.labels(split) : null;
    },
    async confusion(split) {
      return prepared ? client.confusion(split) : null;
    },
    forget() {
      running = false;
      prepared = false;
      initial = null;
      generation++;
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

/** Per Conv2D and Dense, its kernel and bias as the document holds them. */
type WeightRefs = Map<string, readonly unknown[]>;

function weightRefs(doc: GraphDocument): WeightRefs {
  const refs: WeightRefs = new Map();
  for (const n of doc.nodes)
    if (n.type === 'Conv2D' || n.type === 'Dense') refs.set(n.id, [n.params.kernel, n.params.bias]);
  return refs;
}

/** Whether every node of `a` still has the same kernel and bias objects in `b`. */
function sameWeights(a: WeightRefs, b: WeightRefs): boolean {
  for (const [id, refs] of a) {
    const now = b.get(id);
    if (!now || refs.some((r, i) => r !== now[i])) return false;
  }
  return true;
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
