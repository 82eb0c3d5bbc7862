import { afterAll, describe, expect, it } from 'vitest';
import { createTrainer } from '../../src/engine/train/create-trainer.ts';
import { prepareTraining } from '../../src/engine/train/prepare.ts';
import { exportTfjs } from '../../src/graph/export-tfjs.ts';
import { parseGraph } from '../../src/graph/parse.ts';
import { cleanUp, importGenerated } from '../unit/export/tfjs-runner.ts';
import { makeRng, type Rng } from './rng.ts';

/**
 * The differential suite of training: random small networks with inline data, trained by
 * the engine and by TensorFlow.js layers `model.fit` (the program convflow exports, run on
 * tfjs's CPU backend; shuffle off, SGD, momentum, Nesterov or Adam, 1–3 epochs, the same
 * initial weights). Every trained weight must agree within 1e-4 + 1e-3·|w|.
 */
const CASES = 200;
const features = new Map<string, number>();
const note = (f: string) => features.set(f, (features.get(f) ?? 0) + 1);

afterAll(() => {
  cleanUp();
  // The generator must keep exercising everything it claims to.
  for (const f of [
    'conv same',
    'conv valid',
    'stride 2',
    'pool same',
    'pool valid',
    'dense rank-3',
    'no bias',
    'mse',
    'cce',
    'sgd',
    'momentum',
    'nesterov',
    'adam',
    'relu',
    'sigmoid',
    'tanh',
    'softmax hidden',
    'last batch smaller',
  ])
    expect(features.get(f) ?? 0, f).toBeGreaterThanOrEqual(3);
});

type Node = { id: string; type: string; params?: Record<string, unknown> };

function randomCase(rng: Rng) {
  let [h, w] = [rng.int(3, 9), rng.int(3, 9)];
  const c = rng.int(1, 3);
  const inShape = [h, w, c];
  const layers: Node[] = [];
  const act = () => {
    const a = rng.pick(['linear', 'relu', 'sigmoid', 'tanh', 'relu', 'softmax'] as const);
    note(a === 'softmax' ? 'softmax hidden' : a);
    return a;
  };
  const biasOn = () => {
    const b = rng.chance(0.75);
    if (!b) note('no bias');
    return b;
  };
  for (let i = 0; i < rng.int(1, 2); i++) {
    const k = [rng.int(1, Math.min(3, h)), rng.int(1, Math.min(3, w))];
    const s = [rng.int(1, 2), rng.int(1, 2)];
    const padding = rng.pick(['valid', 'same'] as const);
    note(`conv ${padding}`);
    if (s[0] === 2 || s[1] === 2) note('stride 2');
    const filters = rng.int(1, 5);
    layers.push({
      id: `conv${i}`,
      type: 'Conv2D',
      params: {
        filters,
        kernelSize: k,
        strides: s,
        padding,
        activation: act(),
        useBias: biasOn(),
        kernel: { init: 'glorotUniform', seed: rng.int(0, 999) },
        bias: { init: 'ones' },
      },
    });
    h = padding === 'same' ? Math.ceil(h / s[0]!) : Math.floor((h - k[0]!) / s[0]!) + 1;
    w = padding === 'same' ? Math.ceil(w / s[1]!) : Math.floor((w - k[1]!) / s[1]!) + 1;
    if (rng.chance(0.5) && h >= 2 && w >= 2) {
      const padding = rng.pick(['valid', 'same'] as const);
      note(`pool ${padding}`);
      layers.push({ id: `pool${i}`, type: 'MaxPool', params: { poolSize: [2, 2], padding } });
      h = padding === 'same' ? Math.ceil(h / 2) : Math.floor(h / 2);
      w = padding === 'same' ? Math.ceil(w / 2) : Math.floor(w / 2);
    }
  }
  if (rng.chance(0.3)) {
    note('dense rank-3');
    layers.push({
      id: 'd3',
      type: 'Dense',
      params: {
        units: rng.int(1, 4),
        activation: act(),
        useBias: biasOn(),
        kernel: { init: 'heUniform', seed: rng.int(0, 999) },
      },
    });
  }
  layers.push({ id: 'flat', type: 'Flatten' });
  if (rng.chance(0.4))
    layers.push({
      id: 'hidden',
      type: 'Dense',
      params: {
        units: rng.int(2, 6),
        activation: act(),
        useBias: biasOn(),
        kernel: { init: 'glorotUniform', seed: rng.int(0, 999) },
      },
    });
  const mse = rng.chance(0.3);
  note(mse ? 'mse' : 'cce');
  const k = rng.int(2, 4);
  layers.push({
    id: 'out',
    type: 'Dense',
    params: {
      units: k,
      activation: mse ? rng.pick(['linear', 'sigmoid', 'tanh'] as const) : 'softmax',
      useBias: biasOn(),
      kernel: { init: 'glorotUniform', seed: rng.int(0, 999) },
    },
  });
  const n = rng.int(4, 16);
  const batchSize = rng.int(1, 6);
  if (n % batchSize !== 0) note('last batch smaller');
  const size = inShape.reduce((a, b) => a * b, 1);
  const x = Array.from({ length: n * size }, () => Math.fround(rng.uniform(-1, 1)));
  const y = mse
    ? Array.from({ length: n * k }, () => Math.fround(rng.uniform(-1, 1)))
    : Array.from({ length: n }, () => {
        const row = new Array(k).fill(0);
        row[rng.int(0, k - 1)] = 1;
        return row;
      }).flat();
  const kind = rng.pick(['sgd', 'momentum', 'nesterov', 'adam'] as const);
  note(kind);
  const optimizer =
    kind === 'adam'
      ? {
          type: 'adam',
          learningRate: Math.fround(rng.uniform(0.001, 0.05)),
          ...(rng.chance(0.5) && {
            beta1: Math.fround(rng.uniform(0.5, 0.95)),
            beta2: Math.fround(rng.uniform(0.9, 0.999)),
            epsilon: Math.fround(rng.uniform(1e-7, 1e-3)),
          }),
        }
      : {
          type: 'sgd',
          learningRate: Math.fround(rng.uniform(0.001, 0.1)),
          ...(kind !== 'sgd' && {
            momentum: Math.fround(rng.uniform(0.1, 0.95)),
            nesterov: kind === 'nesterov',
          }),
        };
  const nodes = [
    {
      id: 'in',
      type: 'Input',
      params: { tensor: { shape: inShape, data: new Array(size).fill(0) } },
    },
    ...layers,
  ];
  return {
    format: 'convflow-graph',
    version: 1,
    nodes,
    edges: layers.map((l, i) => ({ source: nodes[i]!.id, target: l.id })),
    training: {
      input: 'in',
      output: 'out',
      data: { x: { shape: [n, ...inShape], data: x }, y: { shape: [n, k], data: y } },
      loss: mse ? 'meanSquaredError' : 'categoricalCrossentropy',
      optimizer,
      batchSize,
      epochs: rng.int(1, 3),
      shuffle: false,
    },
  };
}

interface TrainedNet {
  getLayer(name: string): { getWeights(): { dataSync(): Float32Array }[] };
  dispose(): void;
}

describe('training agrees with TensorFlow.js model.fit', () => {
  for (let seed = 1; seed <= CASES; seed++) {
    it(`random network (seed ${seed})`, async () => {
      const parsed = parseGraph(randomCase(makeRng(seed * 104729)));
      if (!parsed.ok) throw new Error(parsed.error);
      const doc = parsed.value;
      const code = exportTfjs(doc, { tfjsModule: './tf.mjs' });
      if (!code.ok) throw new Error(code.error);
      const mod = (await importGenerated(code.value)) as unknown as {
        train(): Promise<TrainedNet>;
      };
      const net = await mod.train();
      const prepared = prepareTraining(doc, doc.training!, {
        mnist: () => {
          throw new Error('no');
        },
      });
      if (!prepared.ok) throw new Error(`${prepared.path}: ${prepared.error}`);
      const trainer = createTrainer(prepared.setup);
      while (!trainer.done) trainer.step();
      for (const id of new Set(trainer.model.params.map((p) => p.nodeId))) {
        const ours = trainer.model.params.filter((p) => p.nodeId === id);
        const theirs = net
          .getLayer(id)
          .getWeights()
          .map((w) => w.dataSync());
        ours.forEach((p, k) => {
          const t = theirs[k]!;
          for (let i = 0; i < t.length; i++)
            expect(Math.abs(p.value[i]! - t[i]!), `${id}.${p.name}[${i}]`).toBeLessThan(
              1e-4 + 1e-3 * Math.abs(t[i]!),
            );
        });
      }
      net.dispose();
    });
  }
});
