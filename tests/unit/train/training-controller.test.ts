import { describe, expect, it } from 'vitest';
import type { TrainingClient } from '../../../src/engine-client/training-client.ts';
import { createTrainingController } from '../../../src/engine-client/training-controller.ts';
import { TrainingDriver } from '../../../src/engine/train/training-driver.ts';
import { parseGraph } from '../../../src/graph/parse.ts';
import { createEditorStore } from '../../../src/state/editor-store.ts';
import { createHistory } from '../../../src/state/history.ts';
import { createTrainingStore } from '../../../src/state/training-store.ts';

/** The controller against a driver in this thread (the worker's own), and the real stores. */
function setup() {
  const n = 12;
  const parsed = parseGraph({
    format: 'convflow-graph',
    version: 1,
    nodes: [
      {
        id: 'in',
        type: 'Input',
        params: { tensor: { shape: [3, 3, 1], data: new Array(9).fill(0) } },
      },
      { id: 'f', type: 'Flatten' },
      { id: 'out', type: 'Dense', params: { units: 2, activation: 'softmax' } },
    ],
    edges: [
      { source: 'in', target: 'f' },
      { source: 'f', target: 'out' },
    ],
    training: {
      input: 'in',
      output: 'out',
      data: {
        x: { shape: [n, 3, 3, 1], data: Array.from({ length: n * 9 }, (_, i) => (i % 7) / 7) },
        y: {
          shape: [n, 2],
          data: Array.from({ length: n * 2 }, (_, i) => (i % 2 === Math.floor(i / 2) % 2 ? 1 : 0)),
        },
      },
      optimizer: { type: 'sgd', learningRate: 0.5 },
      batchSize: 4,
      epochs: 2,
    },
  });
  if (!parsed.ok) throw new Error(parsed.error);
  const editor = createEditorStore(parsed.value);
  const history = createHistory(editor);
  const store = createTrainingStore();
  const driver = new TrainingDriver({ yieldToEvents: () => new Promise((r) => setTimeout(r, 0)) });
  const client: TrainingClient = {
    start: async (doc, section) =>
      driver.start(doc, section, {
        mnist: () => {
          throw new Error('no');
        },
      }),
    slice: async () => driver.slice(),
    step: (record) => driver.step(record),
    watch: async (split, index) => driver.watchSample(split, index),
    predict: async (x) => driver.predict(x),
    weights: async () => driver.weights(),
    confusion: async (split) => driver.confusion(split),
    labels: async (split) => driver.labels(split),
    saliency: async (input, inputId, label) => driver.saliency(input, inputId, label),
    dispose: () => undefined,
  };
  return { editor, history, store, controller: createTrainingController(editor, store, client) };
}

const kernelOf = (editor: ReturnType<typeof createEditorStore>) => {
  const node = editor.getState().doc.nodes.find((x) => x.id === 'out')!;
  return node.type === 'Dense' ? node.params.kernel : null;
};

describe('the training controller', () => {
  it('a finished run leaves its weights in the document as one undo step; Undo takes them back', async () => {
    const { editor, history, store, controller } = setup();
    await controller.start();
    await new Promise<void>((done) => {
      if (store.getState().phase === 'ended') return done();
      const stop = store.subscribe(() => store.getState().phase === 'ended' && (stop(), done()));
    });
    await new Promise((r) => setTimeout(r, 10));
    const trained = kernelOf(editor);
    expect(trained && 'data' in trained).toBe(true);
    expect(store.getState().curves.epochs).toHaveLength(2);
    expect(store.getState().lastStep).toBeNull();
    history.undo();
    expect(kernelOf(editor)).toEqual({ init: 'glorotUniform', seed: 0 });
  });

  it('step trains one batch and keeps the weights; reset brings back the initializers', async () => {
    const { editor, store, controller } = setup();
    await controller.step();
    expect(store.getState().position?.steps).toBe(1);
    expect(store.getState().watch.split).toBe('train');
    expect('data' in kernelOf(editor)!).toBe(true);
    // The step is recorded for the backward view: its weights after are the document's now.
    const record = store.getState().lastStep;
    expect(record?.step).toBe(1);
    expect(record?.n).toBe(4);
    const kernel = kernelOf(editor) as { data: Float32Array };
    expect(Array.from(kernel.data)).toEqual(Array.from(record!.layers[1]!.params[0]!.after));
    expect(record!.layers[1]!.params[0]!.before).not.toEqual(record!.layers[1]!.params[0]!.after);
    controller.reset();
    expect(store.getState().lastStep).toBeNull();
    expect(kernelOf(editor)).toEqual({ init: 'glorotUniform', seed: 0 });
    expect(store.getState().phase).toBe('idle');
    expect(store.getState().previous?.batchLosses).toHaveLength(1);
  });

  it("after Undo the next step trains from the weights the canvas shows, not the run's", async () => {
    const { editor, history, store, controller } = setup();
    await controller.step();
    await controller.step();
    const second = kernelOf(editor) as { data: Float32Array };
    expect(store.getState().lastStep?.step).toBe(2);
    // Moving a node keeps the run: its weights are still the document's.
    editor.dispatch([{ kind: 'moveNode', id: 'f', position: { x: 5, y: 5 } }]);
    await controller.step();
    expect(store.getState().lastStep?.step).toBe(3);
    expect(Array.from(store.getState().lastStep!.layers[1]!.params[0]!.before)).toEqual(
      Array.from(second.data),
    );
    history.undo(); // the third step's weights
    history.undo(); // the move
    history.undo(); // the second step's weights
    const first = kernelOf(editor) as { data: Float32Array };
    expect(Array.from(first.data)).not.toEqual(Array.from(second.data));
    await controller.step();
    const record = store.getState().lastStep!;
    expect(record.step).toBe(1);
    expect(Array.from(record.layers[1]!.params[0]!.before)).toEqual(Array.from(first.data));
  });

  it('a graph without a training section says so', async () => {
    const { editor, store, controller } = setup();
    editor.dispatch([
      { kind: 'load', graph: { format: 'convflow-graph', version: 1, nodes: [], edges: [] } },
    ]);
    await controller.start();
    expect(store.getState()).toMatchObject({
      phase: 'failed',
      error: 'this graph has no training section',
    });
  });
});
