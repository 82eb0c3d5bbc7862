import { describe, expect, it } from 'vitest';
import { plainAllocator, type Floats } from '../../../src/engine/train/floats.ts';
import { lossAndGradient, type LossName } from '../../../src/engine/train/losses.ts';
import type { TrainModel } from '../../../src/engine/train/model.ts';
import { makeRng } from '../../property/rng.ts';
import type { NodeSpec } from '../helpers.ts';
import { chainDocument, chainModel, oneHot, randomFloats } from './train-helpers.ts';

/**
 * Analytic gradients against central finite differences, both in float64: the model runs
 * the very code that trains, on Float64Array buffers. Every parameter of every case is
 * checked, and so is the gradient at the model's input (the saliency map).
 */
const ACTIVATIONS = ['linear', 'relu', 'sigmoid', 'tanh', 'softmax'] as const;
const H = 1e-6;

interface Case {
  name: string;
  inShape: number[];
  layers: NodeSpec[];
  loss: LossName;
  batch: number;
}

function denseHead(units = 3): NodeSpec[] {
  return [
    { id: 'flat', type: 'Flatten' },
    {
      id: 'head',
      type: 'Dense',
      params: { units, activation: 'softmax', kernel: { init: 'glorotUniform', seed: 9 } },
    },
  ];
}

function conv(id: string, params: Record<string, unknown>): NodeSpec {
  return {
    id,
    type: 'Conv2D',
    params: { kernel: { init: 'glorotUniform', seed: 3 }, bias: { init: 'ones' }, ...params },
  };
}

const cases: Case[] = [];
for (const activation of ACTIVATIONS) {
  for (const padding of ['valid', 'same'] as const) {
    for (const strides of [
      [1, 1],
      [2, 2],
      [2, 1],
    ]) {
      for (const useBias of [true, false]) {
        cases.push({
          name: `conv x=[5,6,2] k=[3,2] f=3 s=${strides} ${padding} ${activation} bias=${useBias}`,
          inShape: [5, 6, 2],
          layers: [
            conv('c', { filters: 3, kernelSize: [3, 2], strides, padding, activation, useBias }),
            ...denseHead(),
          ],
          loss: 'categoricalCrossentropy',
          batch: 2,
        });
      }
    }
  }
}
for (const padding of ['valid', 'same'] as const) {
  for (const [pool, strides] of [
    [[2, 2], undefined],
    [
      [3, 2],
      [1, 2],
    ],
    [
      [2, 3],
      [2, 1],
    ],
  ] as const) {
    cases.push({
      name: `maxpool x=[5,7,2] pool=${pool} s=${strides ?? pool} ${padding}`,
      inShape: [5, 7, 2],
      layers: [
        conv('c', { filters: 2, kernelSize: [1, 1], activation: 'tanh' }),
        { id: 'p', type: 'MaxPool', params: { poolSize: pool, strides, padding } },
        ...denseHead(),
      ],
      loss: 'categoricalCrossentropy',
      batch: 3,
    });
  }
}
for (const activation of ACTIVATIONS) {
  for (const useBias of [true, false]) {
    cases.push({
      name: `dense vector x=[7] units=4 ${activation} bias=${useBias} (mse)`,
      inShape: [1, 1, 7],
      layers: [
        { id: 'flat', type: 'Flatten' },
        {
          id: 'd',
          type: 'Dense',
          params: { units: 4, activation, useBias, bias: { init: 'ones' } },
        },
      ],
      loss: 'meanSquaredError',
      batch: 3,
    });
    cases.push({
      name: `dense rank-3 x=[3,2,4] units=5 ${activation} bias=${useBias}`,
      inShape: [3, 2, 4],
      layers: [
        {
          id: 'd',
          type: 'Dense',
          params: { units: 5, activation, useBias, bias: { init: 'ones' } },
        },
        ...denseHead(),
      ],
      loss: 'categoricalCrossentropy',
      batch: 2,
    });
  }
}
for (const rate of [0.25, 0.6]) {
  cases.push({
    name: `dropout rate=${rate} between dense layers`,
    inShape: [4, 4, 1],
    layers: [
      { id: 'flat', type: 'Flatten' },
      { id: 'd1', type: 'Dense', params: { units: 6, activation: 'sigmoid' } },
      { id: 'drop', type: 'Dropout', params: { rate, seed: 5 } },
      {
        id: 'd2',
        type: 'Dense',
        params: { units: 3, activation: 'softmax', kernel: { init: 'glorotUniform', seed: 1 } },
      },
    ],
    loss: 'categoricalCrossentropy',
    batch: 4,
  });
}
cases.push({
  name: 'conv output x=[4,4,1] f=2 same relu, mse on a rank-3 output',
  inShape: [4, 4, 1],
  layers: [conv('c', { filters: 2, kernelSize: [3, 3], padding: 'same', activation: 'sigmoid' })],
  loss: 'meanSquaredError',
  batch: 2,
});
cases.push({
  name: 'conv softmax output x=[3,3,2] f=3, crossentropy per pixel',
  inShape: [3, 3, 2],
  layers: [conv('c', { filters: 3, kernelSize: [2, 2], padding: 'same', activation: 'softmax' })],
  loss: 'categoricalCrossentropy',
  batch: 2,
});

function lossOf(model: TrainModel, x: Floats, t: Floats, n: number, loss: LossName): number {
  const y = model.forward(x, n, { training: true, step: 7 });
  const count = n * model.outShape.reduce((a, b) => a * b, 1);
  return lossAndGradient(
    loss,
    y,
    t,
    count,
    model.outShape[model.outShape.length - 1]!,
    new Float64Array(count),
  );
}

describe('analytic gradients equal central differences (float64)', () => {
  cases.forEach((c, index) => {
    it(`${c.name} (seed ${index})`, () => {
      const rng = makeRng(index + 1);
      const doc = chainDocument(c.inShape, c.layers);
      const model = chainModel(doc, {
        maxBatch: c.batch,
        alloc: plainAllocator('float64'),
        seed: 11,
      });
      const inSize = c.inShape.reduce((a, b) => a * b, 1);
      const x = randomFloats(rng, c.batch * inSize, 'float64');
      const outSize = model.outShape.reduce((a, b) => a * b, 1);
      const k = model.outShape[model.outShape.length - 1]!;
      const t =
        c.loss === 'meanSquaredError'
          ? randomFloats(rng, c.batch * outSize, 'float64')
          : oneHot(rng, (c.batch * outSize) / k, k, 'float64');
      for (const p of model.params)
        for (let i = 0; i < p.value.length; i++) p.value[i] = rng.uniform(-0.8, 0.8);

      const y = model.forward(x, c.batch, { training: true, step: 7 });
      const dOut = new Float64Array(c.batch * outSize);
      lossAndGradient(c.loss, y, t, c.batch * outSize, k, dOut);
      const dx = Float64Array.from(model.backward(dOut, c.batch, true)!);

      let checked = 0;
      for (const p of model.params) {
        const analytic = Float64Array.from(p.grad);
        for (let i = 0; i < p.value.length; i++) {
          const w = p.value[i]!;
          p.value[i] = w + H;
          const up = lossOf(model, x, t, c.batch, c.loss);
          p.value[i] = w - H;
          const down = lossOf(model, x, t, c.batch, c.loss);
          p.value[i] = w;
          const numeric = (up - down) / (2 * H);
          expect(Math.abs(analytic[i]! - numeric), `${p.nodeId}.${p.name}[${i}]`).toBeLessThan(
            1e-6 + 1e-5 * Math.abs(numeric),
          );
          checked++;
        }
      }
      for (let i = 0; i < x.length; i += 3) {
        const v = x[i]!;
        x[i] = v + H;
        const up = lossOf(model, x, t, c.batch, c.loss);
        x[i] = v - H;
        const down = lossOf(model, x, t, c.batch, c.loss);
        x[i] = v;
        const numeric = (up - down) / (2 * H);
        expect(Math.abs(dx[i]! - numeric), `input[${i}]`).toBeLessThan(
          1e-6 + 1e-5 * Math.abs(numeric),
        );
        checked++;
      }
      expect(checked).toBeGreaterThan(x.length / 3);
    });
  });
});
