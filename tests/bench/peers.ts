import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as ort from 'onnxruntime-web';
import { conv2d } from '../../src/engine/kernels/conv2d.ts';
import { dense } from '../../src/engine/kernels/dense.ts';
import { maxPool } from '../../src/engine/kernels/max-pool.ts';
import { SIMD_MIN_WORK } from '../../src/engine/registry.ts';
import { conv2dSimd, denseSimd, maxPoolSimd, packWeights } from '../../src/engine/wasm/index.ts';
import { toChw, toHwc, workOf, type BenchCase } from './cases.ts';
import { engineEdit, engineEditBias, engineEditLent } from './edit-session.ts';
import { onnxModel, type OnnxOp } from './onnx-model.ts';

/** One prepared layer: input Float32Array in, output Float32Array (HWC) out. */
export interface Runner {
  /** Untimed, before each timed call (tfjs: select this backend). */
  before?: () => Promise<void>;
  run: () => Float32Array | Promise<Float32Array>;
  /** Untimed: the output of `run` in the engine's [H, W, C] layout, for the check. */
  toHwc?: (out: Float32Array) => Float32Array;
  /**
   * Untimed: what the last call should have returned, from the reference output (engine TS,
   * linear); without it, the reference itself.
   */
  expected?: (reference: Float32Array) => Float32Array;
  /** Untimed, after every call: throws if the call did not do what it is timed for. */
  after?: () => void;
  /** Milliseconds of each part of every call so far (the edit: apply, evaluate, copy). */
  phases?: () => Record<string, number[]>;
  /** Warm-up calls wanted beyond the usual ~50 ms (within 1 s): JS that needs them to tier up. */
  warmupCalls?: number;
  /** After the case: let go of what `prepare` made. */
  dispose?: () => void;
}

export interface Implementation {
  name: string;
  /** Everything outside the timed call: weights uploaded/packed, models built. */
  prepare(c: BenchCase): Promise<Runner>;
}

/**
 * The engine's kernels, calling the SIMD (WebAssembly) path directly. `reuse`: each call
 * writes into the previous call's output array, as a session does when an edit recomputes a
 * node whose output keeps its length (every edit of a value, a filter or an activation);
 * otherwise each call returns a new array, as the first evaluation does.
 */
function engineWasm(name: string, reuse: boolean): Implementation {
  return {
    name,
    async prepare(c) {
      let last: Float32Array | undefined;
      const keep = (out: Float32Array) => (reuse ? (last = out) : out);
      if (c.kind === 'pool') return { run: () => keep(maxPoolSimd(c.x, c.g, last)) };
      const depth = c.kind === 'conv' ? c.g.kh * c.g.kw * c.g.inC : c.inUnits;
      const outSize = c.kind === 'conv' ? c.filters : c.units;
      // As the WeightStore does once per edit.
      const packed = packWeights(c.kernel, c.bias, depth, outSize);
      if (c.kind === 'conv')
        return { run: () => keep(conv2dSimd(c.x, packed, c.g, 'linear', last)) };
      return { run: () => keep(denseSimd(c.x, packed, 'linear', last)) };
    },
  };
}

/** The engine's TypeScript reference kernels (float64 accumulation). */
const engineTs: Implementation = {
  name: 'engine TS',
  async prepare(c) {
    if (c.kind === 'pool') return { run: () => maxPool(c.x, c.g) };
    if (c.kind === 'conv') return { run: () => conv2d(c.x, c.kernel, c.bias, c.g, c.filters) };
    return { run: () => dense(c.x, c.kernel, c.bias, c.inUnits, c.units) };
  },
};

/** Which engine path the registry takes for this case. */
export function dispatchedPath(c: BenchCase): 'engine wasm' | 'engine TS' {
  return workOf(c) >= SIMD_MIN_WORK ? 'engine wasm' : 'engine TS';
}

let tfjsReady: Promise<void> | null = null;

/** tfjs-backend-wasm from its own package folder, SIMD, one thread (no pthread build). */
function initTfjs(): Promise<void> {
  tfjsReady ??= (async () => {
    const require = createRequire(import.meta.url);
    tf.env().set('IS_TEST', true);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setWasmPaths(
      join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/',
    );
    setThreadsCount(1);
    await tf.setBackend('wasm');
    if (!(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'))) throw new Error('tfjs-wasm: no SIMD');
    await tf.setBackend('cpu');
  })();
  return tfjsReady;
}

/** A tfjs backend: the input tensor is made from the Float32Array and read back each call. */
function tfjs(backend: 'cpu' | 'wasm'): Implementation {
  return {
    name: `tfjs-${backend}`,
    async prepare(c) {
      await initTfjs();
      await tf.setBackend(backend);
      const before = async () => {
        if (tf.getBackend() !== backend) await tf.setBackend(backend);
      };
      if (c.kind === 'pool') {
        const { inH, inW, inC, kh, sh } = c.g;
        const op = () => tf.maxPool(tf.tensor3d(c.x, [inH, inW, inC]), kh, sh, 'valid');
        return { before, run: () => read(op) };
      }
      if (c.kind === 'conv') {
        const { inH, inW, inC, kh, kw } = c.g;
        const filter = tf.tensor4d(c.kernel, [kh, kw, inC, c.filters]);
        const bias = tf.tensor1d(c.bias);
        const op = () =>
          tf.fused.conv2d({
            x: tf.tensor3d(c.x, [inH, inW, inC]),
            filter,
            bias,
            strides: 1,
            pad: 'same',
          });
        return { before, run: () => read(op) };
      }
      const b = tf.tensor2d(c.kernel, [c.inUnits, c.units]);
      const bias = tf.tensor1d(c.bias);
      const op = () => tf.fused.matMul({ a: tf.tensor2d(c.x, [1, c.inUnits]), b, bias });
      return { before, run: () => read(op) };
    },
  };
}

function read(op: () => tf.Tensor): Float32Array {
  const out = tf.tidy(op);
  const data = out.dataSync() as Float32Array;
  out.dispose();
  return data;
}

/** onnxruntime-web, WebAssembly backend, one thread; NCHW (its layout), converted untimed. */
const onnx: Implementation = {
  name: 'ort-wasm',
  async prepare(c) {
    ort.env.wasm.numThreads = 1;
    ort.env.logLevel = 'error';
    const op = onnxOp(c);
    const session = await ort.InferenceSession.create(onnxModel(op), {
      executionProviders: ['wasm'],
      graphOptimizationLevel: 'all',
    });
    const dims = op.input.dims;
    const input = c.kind === 'dense' ? c.x : toChw(c.x, c.g.inH, c.g.inW, c.g.inC);
    const run = async () => {
      // The output tensor's data is already a fresh array copied out of ORT's heap.
      const result = await session.run({ x: new ort.Tensor('float32', input, dims) });
      return result.y.data as Float32Array;
    };
    const [, ch, h, w] = op.output.dims;
    return { run, toHwc: c.kind === 'dense' ? undefined : (out) => toHwc(out, h, w, ch) };
  },
};

function onnxOp(c: BenchCase): OnnxOp {
  if (c.kind === 'dense') {
    return {
      opType: 'Gemm',
      input: { name: 'x', dims: [1, c.inUnits] },
      output: { name: 'y', dims: [1, c.units] },
      weights: [
        { name: 'W', dims: [c.inUnits, c.units], data: c.kernel },
        { name: 'B', dims: [c.units], data: c.bias },
      ],
      attributes: {},
    };
  }
  const { inH, inW, inC, kh, kw, sh, sw, outH, outW, padTop, padLeft, padBottom, padRight } = c.g;
  const attributes = {
    kernel_shape: [kh, kw],
    strides: [sh, sw],
    pads: [padTop, padLeft, padBottom, padRight],
  };
  const input = { name: 'x', dims: [1, inC, inH, inW] };
  if (c.kind === 'pool') {
    return {
      opType: 'MaxPool',
      input,
      output: { name: 'y', dims: [1, inC, outH, outW] },
      weights: [],
      attributes,
    };
  }
  // [kh, kw, inC, filters] → ONNX's [filters, inC, kh, kw].
  const w = new Float32Array(c.kernel.length);
  for (let i = 0; i < kh * kw; i++)
    for (let ch = 0; ch < inC; ch++)
      for (let f = 0; f < c.filters; f++)
        w[(f * inC + ch) * kh * kw + i] = c.kernel[(i * inC + ch) * c.filters + f];
  return {
    opType: 'Conv',
    input,
    output: { name: 'y', dims: [1, c.filters, outH, outW] },
    weights: [
      { name: 'W', dims: [c.filters, inC, kh, kw], data: w },
      { name: 'B', dims: [c.filters], data: c.bias },
    ],
    attributes,
  };
}

export const IMPLEMENTATIONS: Implementation[] = [
  engineWasm('engine wasm', true),
  engineWasm('engine wasm, new array', false),
  engineTs,
  engineEdit,
  engineEditLent,
  engineEditBias,
  tfjs('cpu'),
  tfjs('wasm'),
  onnx,
];
