import { describe, expect, it } from 'vitest';
import { trainingChain } from '../../../src/graph/training-chain.ts';
import { createTrainer } from '../../../src/engine/train/create-trainer.ts';
import type { LabelledSet } from '../../../src/engine/train/data.ts';
import type { Trainer } from '../../../src/engine/train/trainer.ts';
import { simdAvailable } from '../../../src/engine/wasm/index.ts';
import { makeRng, type Rng } from '../../property/rng.ts';
import type { NodeSpec } from '../helpers.ts';
import { chainDocument, oneHot, randomFloats } from './train-helpers.ts';

/**
 * The SIMD training kernels against the reference loops: the same random network trained
 * a few steps by each, every weight within float32 rounding, for random geometries.
 */
function randomCase(rng: Rng): { inShape: number[]; layers: NodeSpec[] } {
  const inShape = [rng.int(3, 12), rng.int(3, 12), rng.int(1, 5)];
  const layers: NodeSpec[] = [];
  let [h, w] = inShape as [number, number, number];
  const convs = rng.int(1, 2);
  for (let i = 0; i < convs; i++) {
    const kh = rng.int(1, Math.min(4, h));
    const kw = rng.int(1, Math.min(4, w));
    const padding = rng.pick(['valid', 'same'] as const);
    const strides = [rng.int(1, 2), rng.int(1, 2)];
    layers.push({
      id: `c${i}`,
      type: 'Conv2D',
      params: {
        filters: rng.int(1, 19),
        kernelSize: [kh, kw],
        strides,
        padding,
        activation: rng.pick(['linear', 'relu', 'tanh'] as const),
        useBias: rng.chance(0.7),
        kernel: { init: 'glorotUniform', seed: rng.int(0, 99) },
        bias: { init: 'ones' },
      },
    });
    h = padding === 'same' ? Math.ceil(h / strides[0]!) : Math.floor((h - kh) / strides[0]!) + 1;
    w = padding === 'same' ? Math.ceil(w / strides[1]!) : Math.floor((w - kw) / strides[1]!) + 1;
    if (rng.chance(0.5) && h >= 2 && w >= 2) {
      layers.push({
        id: `p${i}`,
        type: 'MaxPool',
        params: { poolSize: [2, 2], padding: rng.pick(['valid', 'same'] as const) },
      });
      break;
    }
  }
  if (rng.chance(0.4))
    layers.push({ id: 'd3', type: 'Dense', params: { units: rng.int(1, 12), activation: 'relu' } });
  layers.push({ id: 'flat', type: 'Flatten' });
  if (rng.chance(0.5))
    layers.push({
      id: 'hidden',
      type: 'Dense',
      params: { units: rng.int(2, 20), activation: 'sigmoid' },
    });
  layers.push({
    id: 'out',
    type: 'Dense',
    params: {
      units: rng.int(2, 11),
      activation: 'softmax',
      kernel: { init: 'glorotUniform', seed: 4 },
    },
  });
  return { inShape, layers };
}

function trainer(
  doc: ReturnType<typeof chainDocument>,
  set: LabelledSet,
  kernels: 'simd' | 'reference',
  batchSize: number,
): Trainer {
  const chain = trainingChain(doc, 'in', 'out');
  if (!chain.ok) throw new Error(chain.error);
  return createTrainer({
    inputShape: chain.input.params.tensor.shape,
    chain: chain.links,
    train: set,
    test: null,
    config: {
      loss: 'categoricalCrossentropy',
      optimizer: { type: 'sgd', learningRate: 0.05 },
      batchSize,
      epochs: 1,
      shuffle: false,
      seed: 1,
    },
    kernels,
  });
}

describe.runIf(simdAvailable())('SIMD training kernels equal the reference loops', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`random chain (seed ${seed})`, () => {
      const rng = makeRng(seed * 7919);
      const { inShape, layers } = randomCase(rng);
      const doc = chainDocument(inShape, layers);
      const n = rng.int(3, 9);
      const chain = trainingChain(doc, 'in', 'out');
      if (!chain.ok) throw new Error(`${chain.path}: ${chain.error}`);
      const k = chain.links[chain.links.length - 1]!.shape.shape[0]!;
      const set: LabelledSet = {
        count: n,
        sampleShape: inShape,
        labelShape: [k],
        x: randomFloats(rng, n * inShape.reduce((a, b) => a * b, 1), 'float32') as Float32Array,
        y: oneHot(rng, n, k, 'float32') as Float32Array,
      };
      const batch = rng.int(1, 4);
      const ref = trainer(doc, set, 'reference', batch);
      const simd = trainer(doc, set, 'simd', batch);
      while (!ref.done) {
        const a = ref.step();
        const b = simd.step();
        expect(Math.abs(a.loss - b.loss)).toBeLessThan(1e-4 + 1e-4 * Math.abs(a.loss));
      }
      ref.model.params.forEach((p, i) => {
        const q = simd.model.params[i]!;
        for (let j = 0; j < p.value.length; j++) {
          expect(Math.abs(p.value[j]! - q.value[j]!), `${p.nodeId}.${p.name}[${j}]`).toBeLessThan(
            1e-5 + 1e-4 * Math.abs(p.value[j]!),
          );
        }
      });
    });
  }
});
