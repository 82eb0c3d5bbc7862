import { afterAll, describe, expect, it } from 'vitest';
import { createTrainer } from '../../../src/engine/train/create-trainer.ts';
import { prepareTraining } from '../../../src/engine/train/prepare.ts';
import { exportKeras } from '../../../src/graph/export-keras.ts';
import { exportTfjs } from '../../../src/graph/export-tfjs.ts';
import { parseGraph } from '../../../src/graph/parse.ts';
import type { GraphDocument } from '../../../src/graph/types.ts';
import { cleanUp, importGenerated } from './tfjs-runner.ts';

afterAll(cleanUp);

function trainingGraph(optimizer: object, extra: object = {}): GraphDocument {
  const n = 10;
  const x = Array.from({ length: n * 25 }, (_, i) => Math.fround(((i * 37) % 11) / 11));
  const y = Array.from({ length: n * 3 }, (_, i) => (i % 3 === Math.floor(i / 3) % 3 ? 1 : 0));
  const parsed = parseGraph({
    format: 'convflow-graph',
    version: 1,
    nodes: [
      {
        id: 'in',
        type: 'Input',
        params: { tensor: { shape: [5, 5, 1], data: new Array(25).fill(0) } },
      },
      {
        id: 'conv',
        type: 'Conv2D',
        params: { filters: 3, kernelSize: [3, 3], padding: 'same', activation: 'tanh' },
      },
      { id: 'pool', type: 'MaxPool' },
      { id: 'flat', type: 'Flatten' },
      {
        id: 'out',
        type: 'Dense',
        params: { units: 3, activation: 'softmax', kernel: { init: 'glorotUniform', seed: 4 } },
      },
    ],
    edges: [
      { source: 'in', target: 'conv' },
      { source: 'conv', target: 'pool' },
      { source: 'pool', target: 'flat' },
      { source: 'flat', target: 'out' },
    ],
    training: {
      input: 'in',
      output: 'out',
      data: { x: { shape: [n, 5, 5, 1], data: x }, y: { shape: [n, 3], data: y } },
      optimizer,
      batchSize: 4,
      epochs: 2,
      shuffle: false,
      ...extra,
    },
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

interface TrainedNet {
  getLayer(name: string): { getWeights(): { dataSync(): Float32Array }[] };
  dispose(): void;
}

describe('an exported program trains the same network as convflow', () => {
  for (const optimizer of [
    { type: 'sgd', learningRate: 0.1 },
    { type: 'sgd', learningRate: 0.05, momentum: 0.9, nesterov: true },
    { type: 'adam', learningRate: 0.01 },
  ]) {
    it(`TensorFlow.js train(): ${JSON.stringify(optimizer)}, weights within 1e-4 + 1e-3·|w| of convflow's`, async () => {
      const doc = trainingGraph(optimizer);
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
      if (!prepared.ok) throw new Error(prepared.error);
      const trainer = createTrainer(prepared.setup);
      while (!trainer.done) trainer.step();
      for (const id of ['conv', 'out']) {
        const theirs = net
          .getLayer(id)
          .getWeights()
          .map((w) => w.dataSync());
        const ours = trainer.model.params.filter((p) => p.nodeId === id);
        expect(theirs).toHaveLength(ours.length);
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

  it('Keras: compiles with the same loss and optimizer, fits with the same settings', () => {
    const code = exportKeras(
      trainingGraph({ type: 'adam', learningRate: 0.002 }, { shuffle: true, epochs: 3 }),
    );
    if (!code.ok) throw new Error(code.error);
    expect(code.value).toContain(
      'net.compile(optimizer=keras.optimizers.Adam(learning_rate=0.002, beta_1=0.9, beta_2=0.999, epsilon=1e-7), loss="categorical_crossentropy", metrics=["accuracy"])',
    );
    expect(code.value).toContain(
      'net.fit(x, y, batch_size=4, epochs=3, shuffle=True, validation_data=test)',
    );
    expect(code.value).toContain('tf.distribute.MirroredStrategy');
    expect(code.value).toContain('if sys.argv[1:] == ["train"]:');
  });

  it('mnist: Keras loads its own MNIST (noting it is the full set); no section, no train()', () => {
    const doc = trainingGraph({ type: 'sgd', learningRate: 0.1 });
    const mnist = {
      ...doc,
      training: { ...doc.training!, data: { dataset: 'mnist' as const, limit: 500 } },
    };
    const code = exportKeras(mnist);
    if (!code.ok) throw new Error(code.error);
    expect(code.value).toContain('keras.datasets.mnist.load_data()');
    expect(code.value).toContain('60,000 training');
    expect(code.value).toContain('x, y = x[:500], y[:500]');
    const plain = exportKeras({ ...doc, training: undefined });
    expect(plain.ok && plain.value.includes('def train()')).toBe(false);
  });
});
