import type { LossName } from '../../src/engine/train/losses.ts';
import type { OptimizerConfig } from '../../src/engine/train/optimizers/index.ts';
import type { Activation } from '../../src/graph/index.ts';
import type { NodeSpec } from '../unit/helpers.ts';
import { makeRng, type Rng } from './rng.ts';

/**
 * A small training run for the `model.fit` oracle: a chain after an Input, inline data and
 * the fit's settings, plus what it exercises (for coverage counts). Weights are seeded
 * initializers; the test copies whatever the engine resolves them to into tfjs.
 */
export interface TrainCase {
  inShape: [number, number, number];
  /** The nodes after `in`, in order; the last is a Dense. */
  layers: NodeSpec[];
  loss: LossName;
  optimizer: OptimizerConfig;
  batchSize: number;
  epochs: number;
  count: number;
  /** `count` samples of `inShape`: float32 values in [-1, 1), integers, or larger values. */
  x: Float32Array;
  /** `count` targets of `outShape`: one-hot rows, or for mse values in [-1, 1) ([0, 1) for relu). */
  y: Float32Array;
  outShape: number[];
  features: Set<string>;
}

type Shape = number[];

/** What every draw needs: the random source, the feature tally, and the run's optimizer. */
interface Draw {
  rng: Rng;
  features: Set<string>;
  /** Whether weights may start constant: under SGD only (see `weightInits`). */
  constants: boolean;
  /** With large inputs, hidden layers only take activations that do not saturate. */
  large: boolean;
}

const ACTIVATIONS = ['linear', 'relu', 'sigmoid', 'tanh'] as const;
const BIAS_INITS = ['zeros', 'ones', 'glorotUniform'] as const;

/**
 * Input 3–9 × 3–9 × 1–3, then 0–3 layers drawn from what the shape allows (Conv2D, MaxPool,
 * Dense on a rank-3 tensor, Flatten; Dense on a vector), then a Dense head: softmax for
 * categoricalCrossentropy, any activation for meanSquaredError. No Dropout: tfjs's masks
 * are its own random numbers. 4–20 samples in batches of 1–8 for 1–3 epochs. Runs where
 * float32 rounding alone would grow past the tolerance are left out; each rule says why.
 */
export function randomTrainCase(seed: number): TrainCase {
  const rng = makeRng(seed);
  const features = new Set<string>();
  const optimizer = randomOptimizer(rng, features);
  const loss: LossName = rng.chance(0.6) ? 'categoricalCrossentropy' : 'meanSquaredError';
  // Inputs up to ±40 push the head's softmax past crossentropy's clip. Only under Adam, whose
  // steps are bounded by lr (SGD's grow with the inputs until a run diverges or goes chaotic,
  // turning float32 rounding into differences of any size); only before linear or relu
  // layers, as a saturated sigmoid, tanh or softmax has a gradient of rounding noise; and one
  // row per step, as the gradients of two saturated rows, ±1 each, cancel to rounding noise.
  // Adam's first step, lr·m / (√v + ε), scales such noise up to ±lr.
  const large = loss === 'categoricalCrossentropy' && optimizer.type === 'adam' && rng.chance(0.5);
  const d: Draw = { rng, features, constants: optimizer.type === 'sgd', large };
  const { inShape, layers, outShape, activation } = randomChain(d, loss);
  const count = rng.int(4, 20);
  const batchSize = large ? 1 : rng.int(1, 8);
  const epochs = rng.int(1, 3);
  if (count % batchSize !== 0) features.add('batch:last smaller');
  if (batchSize >= count) features.add('batch:one per epoch');
  features.add(`epochs:${epochs}`);
  const x = randomInputs(d, count * size(inShape));
  const lastDim = outShape[outShape.length - 1]!;
  const rows = (count * size(outShape)) / lastDim;
  // A relu head learning a negative target is driven to its kink, where rounding decides
  // whether a unit passes its gradient: its targets are not negative.
  const y =
    loss === 'categoricalCrossentropy'
      ? oneHotRows(rng, rows, lastDim)
      : Float32Array.from(uniform(rng, rows * lastDim), (v) =>
          activation === 'relu' ? Math.abs(v) : v,
        );
  return { inShape, layers, loss, optimizer, batchSize, epochs, count, x, y, outShape, features };
}

/**
 * Input 3–9 × 3–9 × 1–3, 0–3 body layers, a Flatten (always before a `large` run's head),
 * then the Dense head and its activation.
 */
function randomChain(d: Draw, loss: LossName) {
  const { rng, features } = d;
  const inShape: [number, number, number] = [rng.int(3, 9), rng.int(3, 9), rng.int(1, 3)];
  const layers: NodeSpec[] = [];
  let shape: Shape = inShape;
  const body = rng.int(0, 3);
  for (let i = 0; i < body; i++) {
    const afterConstant = constantKernel(layers[layers.length - 1]);
    const [node, next] = bodyLayer(d, `n${i + 1}`, shape, afterConstant);
    if (node.type === 'MaxPool' && afterConstant) features.add('maxPool:after a constant kernel');
    layers.push(node);
    shape = next;
  }
  if (shape.length === 3 && (d.large || rng.chance(0.6))) {
    layers.push({ id: 'flat', type: 'Flatten' });
    features.add('flatten');
    shape = [size(shape)];
  }
  const units = loss === 'categoricalCrossentropy' ? rng.int(2, 5) : rng.int(1, 5);
  const activation = loss === 'categoricalCrossentropy' ? 'softmax' : pickActivation(rng, 0.15);
  const [head, outShape] = dense(d, 'head', shape, units, activation);
  layers.push(head);
  features.add(`loss:${loss}`).add(`head:rank${outShape.length}`);
  return { inShape, layers, outShape, activation };
}

/** A layer the shape allows; after a constant kernel, often a MaxPool to meet its ties. */
function bodyLayer(d: Draw, id: string, shape: Shape, afterConstant: boolean): [NodeSpec, Shape] {
  const { rng } = d;
  if (shape.length === 1) return dense(d, id, shape, rng.int(1, 6), hiddenActivation(d));
  if (afterConstant && rng.chance(0.6)) return maxPool(d, id, shape);
  const roll = rng.next();
  if (roll < 0.45) return conv(d, id, shape);
  if (roll < 0.7) return maxPool(d, id, shape);
  if (roll < 0.85) return dense(d, id, shape, rng.int(1, 5), hiddenActivation(d));
  d.features.add('flatten');
  return [{ id, type: 'Flatten' }, [size(shape)]];
}

function conv(d: Draw, id: string, shape: Shape): [NodeSpec, Shape] {
  const { rng, features } = d;
  const kernelSize = [rng.int(1, 3), rng.int(1, 3)] as const;
  const strides = [rng.int(1, 2), rng.int(1, 2)] as const;
  const padding = fits(shape, kernelSize) && rng.chance(0.5) ? 'valid' : 'same';
  const filters = rng.int(1, 4);
  const activation = hiddenActivation(d);
  const useBias = rng.chance(0.75);
  const out = window(shape, kernelSize, strides, padding);
  features.add('conv').add(`conv:${padding}`).add(`activation:${activation}`);
  if (strides[0] > 1 || strides[1] > 1) features.add('conv:stride 2');
  if (!useBias) features.add('conv:no bias');
  const node: NodeSpec = {
    id,
    type: 'Conv2D',
    params: {
      filters,
      kernelSize,
      strides,
      padding,
      activation,
      useBias,
      ...weightInits(d, activation),
    },
  };
  return [node, [out[0], out[1], filters]];
}

function maxPool(d: Draw, id: string, shape: Shape): [NodeSpec, Shape] {
  const { rng, features } = d;
  const drawn = [rng.int(1, 3), rng.int(1, 3)] as const;
  const poolSize = drawn[0] * drawn[1] === 1 ? ([2, 2] as const) : drawn;
  const strides = rng.chance(0.4) ? undefined : ([rng.int(1, 2), rng.int(1, 2)] as const);
  const padding = fits(shape, poolSize) && rng.chance(0.5) ? 'valid' : 'same';
  const out = window(shape, poolSize, strides ?? poolSize, padding);
  features.add('maxPool').add(`maxPool:${padding}`);
  if (!strides) features.add('maxPool:strides = pool');
  const params = strides ? { poolSize, strides, padding } : { poolSize, padding };
  return [{ id, type: 'MaxPool', params }, [out[0], out[1], shape[2]!]];
}

function dense(
  d: Draw,
  id: string,
  shape: Shape,
  units: number,
  activation: Activation,
): [NodeSpec, Shape] {
  const { rng, features } = d;
  const useBias = rng.chance(0.75);
  features.add(`dense:rank${shape.length}`).add(`activation:${activation}`);
  if (!useBias) features.add('dense:no bias');
  const node: NodeSpec = {
    id,
    type: 'Dense',
    params: {
      units,
      activation,
      useBias,
      ...weightInits(d, activation),
    },
  };
  return [node, [...shape.slice(0, -1), units]];
}

/**
 * Kernel mostly Keras's glorotUniform; bias zeros, ones or glorotUniform. Under SGD, some
 * kernels start at zeros, with zero bias: a Conv2D or Dense whose outputs are all 0 makes
 * ties for a MaxPool downstream (which cell takes the gradient then decides the kernel's
 * gradient). Only before an activation that keeps small values small (linear, relu, tanh),
 * so that after a step its outputs are small sums, not ½ or 1/k plus a rounding.
 * Not under Adam, and no constant biases there: equal outputs make gradients that are zero
 * in exact arithmetic (a uniform softmax on a balanced batch), which either side computes
 * as ±1e-8 of float32 rounding, and Adam's step lr·m / (√v + ε) scales that noise up to
 * ±lr. Never a kernel of ones: its large, equal sums leave the layers after it differences
 * of nearly equal numbers, where each side's rounding grows past the tolerance.
 */
function weightInits(d: Draw, activation: Activation) {
  const { rng, features } = d;
  const roll = rng.next();
  const zeros = d.constants && roll >= 0.85 && activation !== 'sigmoid' && activation !== 'softmax';
  const init = zeros ? 'zeros' : roll < 0.15 ? 'heUniform' : 'glorotUniform';
  features.add(`kernel:${init}`);
  const bias = init === 'zeros' ? 'zeros' : d.constants ? rng.pick(BIAS_INITS) : 'glorotUniform';
  return {
    kernel: { init, seed: rng.int(0, 1e6) },
    bias: { init: bias, seed: rng.int(0, 1e6) },
  };
}

/** Inputs in [-1, 1), now and then integers in [-2, 2] (ties in windows); or `large`. */
function randomInputs(d: Draw, n: number): Float32Array {
  const { rng, features } = d;
  if (d.large) {
    features.add('data:large');
    return uniform(rng, n, rng.uniform(10, 40));
  }
  if (rng.chance(0.15)) {
    features.add('data:integers');
    return Float32Array.from({ length: n }, () => rng.int(-2, 2));
  }
  return uniform(rng, n);
}

/** SGD (plain, momentum, Nesterov) or Adam, at a learning rate drawn log-uniformly. */
function randomOptimizer(rng: Rng, features: Set<string>): OptimizerConfig {
  const kind = rng.pick(['sgd', 'momentum', 'nesterov', 'adam'] as const);
  features.add(`optimizer:${kind}`);
  if (kind !== 'adam') {
    const step = logUniform(rng, 0.001, 0.1);
    if (kind === 'sgd') return { type: 'sgd', learningRate: step };
    // Momentum m settles to steps of lr / (1 − m): that is drawn in SGD's range, as runs with
    // larger steps diverge, and a diverging run is rounding amplified, not a comparison.
    const momentum = rng.uniform(0.5, 0.95);
    const learningRate = step * (1 - momentum);
    return { type: 'sgd', learningRate, momentum, nesterov: kind === 'nesterov' };
  }
  const config: OptimizerConfig = { type: 'adam', learningRate: logUniform(rng, 0.001, 0.05) };
  if (rng.chance(0.3)) config.beta1 = rng.uniform(0.5, 0.95);
  if (rng.chance(0.3)) config.beta2 = rng.uniform(0.9, 0.9999);
  if (rng.chance(0.3)) config.epsilon = logUniform(rng, 1e-8, 1e-3);
  if (config.beta1 !== undefined || config.beta2 !== undefined || config.epsilon !== undefined)
    features.add('optimizer:adam custom');
  return config;
}

/** An activation; softmax (over channels or units) with probability `softmax`. */
function pickActivation(rng: Rng, softmax: number): Activation {
  return rng.chance(softmax) ? 'softmax' : rng.pick(ACTIVATIONS);
}

/** A body layer's activation: any, or with large inputs one that does not saturate. */
function hiddenActivation(d: Draw): Activation {
  return d.large ? d.rng.pick(['linear', 'relu'] as const) : pickActivation(d.rng, 0.1);
}

function constantKernel(node: NodeSpec | undefined): boolean {
  const init = (node?.params?.kernel as { init?: string } | undefined)?.init;
  return init === 'zeros';
}

function fits(shape: Shape, [kh, kw]: readonly [number, number]): boolean {
  return kh <= shape[0]! && kw <= shape[1]!;
}

/** TensorFlow's output size: valid floor((n − k) / s) + 1, same ceil(n / s). */
function window(
  shape: Shape,
  k: readonly [number, number],
  s: readonly [number, number],
  padding: 'valid' | 'same',
): [number, number] {
  const axis = (n: number, kk: number, ss: number) =>
    padding === 'valid' ? Math.floor((n - kk) / ss) + 1 : Math.ceil(n / ss);
  return [axis(shape[0]!, k[0], s[0]), axis(shape[1]!, k[1], s[1])];
}

function logUniform(rng: Rng, lo: number, hi: number): number {
  return Math.exp(rng.uniform(Math.log(lo), Math.log(hi)));
}

function uniform(rng: Rng, n: number, scale = 1): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = rng.uniform(-scale, scale);
  return a;
}

function oneHotRows(rng: Rng, rows: number, k: number): Float32Array {
  const a = new Float32Array(rows * k);
  for (let r = 0; r < rows; r++) a[r * k + rng.int(0, k - 1)] = 1;
  return a;
}

function size(shape: Shape): number {
  return shape.reduce((a, b) => a * b, 1);
}
