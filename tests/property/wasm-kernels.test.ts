import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { activate } from '../../src/engine/kernels/activations.ts';
import { conv2d } from '../../src/engine/kernels/conv2d.ts';
import { dense } from '../../src/engine/kernels/dense.ts';
import { maxPool } from '../../src/engine/kernels/max-pool.ts';
import { EngineSession } from '../../src/engine/session.ts';
import type { Activation, Padding } from '../../src/graph/types.ts';
import { windowInfo, type WindowInfo } from '../../src/graph/window.ts';
import { ResidentWeights } from '../../src/engine/wasm/resident-weights.ts';
import {
  conv2dSimd,
  denseSimd,
  maxPoolSimd,
  packWeights,
  simdAvailable,
  simdMemoryBytes,
} from '../../src/engine/wasm/index.ts';
import { parseGraph } from '../../src/graph/parse.ts';
import { makeRng, seeds, type Rng } from './rng.ts';

// Both kernel paths, each forced through its own exported functions, against TensorFlow.js's
// CPU kernels on random shapes. The SIMD path accumulates in float32, the TS path in
// float64: both must land within float32 rounding of tfjs; max pooling must be exact.
const ABS = 1e-4;
const REL = 1e-4;
const ACTIVATIONS: Activation[] = [
  'linear',
  'linear',
  'relu',
  'relu',
  'sigmoid',
  'tanh',
  'softmax',
];

function data(rng: Rng, n: number, scale = 1): Float32Array {
  return Float32Array.from({ length: n }, () => rng.uniform(-scale, scale));
}

/** The first index where the two differ beyond tolerance, or null. */
function firstMismatch(got: Float32Array, want: Float32Array, exact = false): string | null {
  if (got.length !== want.length) return `length ${got.length}, expected ${want.length}`;
  for (let i = 0; i < got.length; i++) {
    const ok = exact
      ? Object.is(got[i], want[i])
      : Math.abs(got[i] - want[i]) <= ABS + REL * Math.abs(want[i]);
    if (!ok) return `[${i}] = ${got[i]}, expected ${want[i]}`;
  }
  return null;
}

function tfActivate(y: tf.Tensor, a: Activation): tf.Tensor {
  if (a === 'relu') return tf.relu(y);
  if (a === 'sigmoid') return tf.sigmoid(y);
  if (a === 'tanh') return tf.tanh(y);
  if (a === 'softmax') return tf.softmax(y, -1);
  return y;
}

function tfRun(op: () => tf.Tensor): Float32Array {
  return tf.tidy(() => op().dataSync() as Float32Array);
}

interface WindowCase {
  shape: [number, number, number];
  size: [number, number];
  strides: [number, number];
  padding: Padding;
  g: WindowInfo;
}

/** A random window op: sizes 1–40, channels up to `maxC`, windows 1–5, strides 1–3. */
function windowCase(rng: Rng, maxC: number): WindowCase {
  const shape: [number, number, number] = [rng.int(1, 40), rng.int(1, 40), rng.int(1, maxC)];
  const size: [number, number] = [rng.int(1, 5), rng.int(1, 5)];
  const strides: [number, number] = [rng.int(1, 3), rng.int(1, 3)];
  let padding: Padding = rng.pick(['valid', 'same']);
  if (size[0] > shape[0] || size[1] > shape[1]) padding = 'same';
  const r = windowInfo(shape, size, strides, padding);
  if (!r.ok) throw new Error(r.error);
  return { shape, size, strides, padding, g: r.info };
}

const describeCase = (w: WindowCase) =>
  `x=[${w.shape}] k=[${w.size}] s=[${w.strides}] ${w.padding}`;

beforeAll(async () => {
  tf.env().set('IS_TEST', true);
  await tf.setBackend('cpu');
  await tf.ready();
});

it('WebAssembly SIMD is available in Node (else the SIMD cases would test nothing)', () => {
  expect(simdAvailable()).toBe(true);
});

describe('Conv2D: TS and SIMD kernels against tfjs', () => {
  for (const seed of seeds(70)) {
    const rng = makeRng(1000 + seed);
    const w = windowCase(rng, 35);
    const filters = rng.int(1, 40);
    const activation = rng.pick(ACTIVATIONS);
    const useBias = rng.chance(0.8);
    it(`seed=${seed} ${describeCase(w)} filters=${filters} ${activation}${useBias ? '' : ' no bias'}`, () => {
      const [kh, kw] = w.size;
      const inC = w.shape[2];
      const x = data(rng, w.shape[0] * w.shape[1] * inC);
      const kernel = data(rng, kh * kw * inC * filters, Math.sqrt(6 / (kh * kw * (inC + filters))));
      const bias = useBias ? data(rng, filters, 0.5) : null;
      const want = tfRun(() => {
        let y: tf.Tensor = tf.conv2d(
          tf.tensor3d(x, w.shape),
          tf.tensor4d(kernel, [kh, kw, inC, filters]),
          w.strides,
          w.padding,
        );
        if (bias) y = tf.add(y, tf.tensor1d(bias));
        return tfActivate(y, activation);
      });
      const ts = activate(conv2d(x, kernel, bias, w.g, filters), activation, filters);
      const simd = conv2dSimd(
        x,
        packWeights(kernel, bias, kh * kw * inC, filters),
        w.g,
        activation,
      );
      expect(firstMismatch(ts, want), 'TS').toBeNull();
      expect(firstMismatch(simd, want), 'SIMD').toBeNull();
    });
  }
});

describe('Dense: TS and SIMD kernels against tfjs', () => {
  for (const seed of seeds(30)) {
    const rng = makeRng(2000 + seed);
    const rank3 = seed % 2 === 0;
    const inUnits = rank3 ? rng.int(1, 35) : rng.int(1, 2500);
    const lead = rank3 ? [rng.int(1, 12), rng.int(1, 12)] : [];
    const units = rng.int(1, 40);
    const activation = rng.pick(ACTIVATIONS);
    const useBias = rng.chance(0.8);
    it(`seed=${seed} x=[${[...lead, inUnits]}] units=${units} ${activation}${useBias ? '' : ' no bias'}`, () => {
      const rows = lead.reduce((a, b) => a * b, 1);
      const x = data(rng, rows * inUnits);
      const kernel = data(rng, inUnits * units, Math.sqrt(6 / (inUnits + units)));
      const bias = useBias ? data(rng, units, 0.5) : null;
      const want = tfRun(() => {
        let y: tf.Tensor = tf.matMul(
          tf.tensor2d(x, [rows, inUnits]),
          tf.tensor2d(kernel, [inUnits, units]),
        );
        if (bias) y = tf.add(y, tf.tensor1d(bias));
        return tfActivate(y, activation);
      });
      const ts = activate(dense(x, kernel, bias, inUnits, units), activation, units);
      const simd = denseSimd(x, packWeights(kernel, bias, inUnits, units), activation);
      expect(firstMismatch(ts, want), 'TS').toBeNull();
      expect(firstMismatch(simd, want), 'SIMD').toBeNull();
    });
  }
});

describe('MaxPool: TS and SIMD kernels against tfjs, exactly', () => {
  for (const seed of seeds(30)) {
    const rng = makeRng(3000 + seed);
    const w = windowCase(rng, 35);
    it(`seed=${seed} ${describeCase(w)}`, () => {
      const x = data(rng, w.shape[0] * w.shape[1] * w.shape[2]);
      const want = tfRun(() => tf.maxPool(tf.tensor3d(x, w.shape), w.size, w.strides, w.padding));
      expect(firstMismatch(maxPool(x, w.g), want, true), 'TS').toBeNull();
      expect(firstMismatch(maxPoolSimd(x, w.g), want, true), 'SIMD').toBeNull();
    });
  }
});

describe('SIMD kernel memory', () => {
  it('1,000 weight edits in a session leave the kernel memory where it was after the first', () => {
    const graph = parseGraph({
      format: 'convflow-graph',
      version: 1,
      nodes: [
        {
          id: 'in',
          type: 'Input',
          position: { x: 0, y: 0 },
          params: {
            tensor: {
              shape: [24, 24, 4],
              data: Array.from({ length: 24 * 24 * 4 }, (_, i) => (i % 7) - 3),
            },
          },
        },
        {
          id: 'c',
          type: 'Conv2D',
          position: { x: 0, y: 0 },
          params: { filters: 16, kernelSize: [3, 3], padding: 'same', activation: 'relu' },
        },
        { id: 'f', type: 'Flatten', position: { x: 0, y: 0 }, params: {} },
        { id: 'd', type: 'Dense', position: { x: 0, y: 0 }, params: { units: 10 } },
      ],
      edges: [
        { source: 'in', target: 'c' },
        { source: 'c', target: 'f' },
        { source: 'f', target: 'd' },
      ],
    });
    if (!graph.ok) throw new Error(graph.error);
    const session = new EngineSession();
    session.load(graph.value);
    session.evaluate();
    const after1 = simdMemoryBytes();
    expect(after1).toBeGreaterThan(0);
    for (let i = 2; i <= 1000; i++) {
      const id = i % 2 ? 'c' : 'd';
      session.apply([
        { kind: 'setParams', id, params: { kernel: { init: 'glorotUniform', seed: i } } },
      ]);
      const report = session.evaluate();
      expect(report.errors.size).toBe(0);
    }
    expect(simdMemoryBytes()).toBe(after1);
  });

  it('resident weights: freed blocks are reused, the least recently used evicted past the budget', () => {
    let memory = new Float32Array(0);
    const ensure = (bytes: number) => {
      if (bytes > memory.byteLength) {
        const grown = new Float32Array(bytes / 4);
        grown.set(memory);
        memory = grown;
      }
    };
    const store = new ResidentWeights(64, 4096, ensure);
    const weights = (v: number) => ({ data: new Float32Array(256).fill(v) }); // 1 KB each
    const [a, b, c, d, e] = [1, 2, 3, 4, 5].map(weights);
    const where = (w: { data: Float32Array }) => store.locate(w, () => memory);
    const at = [a, b, c, d].map(where);
    expect(new Set(at).size).toBe(4);
    expect(store.end).toBe(64 + 4096);
    store.release(b);
    expect(where(e)).toBe(at[1]); // e takes b's freed block
    where(a); // a is now the most recently used: c goes next
    const f = weights(6);
    expect(where(f)).toBe(at[2]);
    expect(store.end).toBe(64 + 4096);
    // c was evicted: using it again uploads it again, intact.
    const cAt = where(c);
    expect(Array.from(memory.subarray(cAt / 4, cAt / 4 + 256))).toEqual(Array(256).fill(3));
  });
});
