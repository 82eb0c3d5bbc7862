import type { GraphDocumentInput, Initializer } from '../../src/graph/index.ts';
import { makeRng, randomData, type Rng } from './rng.ts';

/** A random graph for the TensorFlow.js oracle, and what it exercises (for coverage counts). */
export interface OracleCase {
  graph: GraphDocumentInput;
  features: Set<string>;
}

type NodeInput = GraphDocumentInput['nodes'][number];
/** What the generator believes a node's output shape is; null once it expects an error. */
type Guess = number[] | null;

const ACTIVATIONS = ['linear', 'relu', 'sigmoid', 'tanh', 'softmax'] as const;
const INITS = ['glorotUniform', 'heUniform', 'zeros', 'ones'] as const;
const RATES = [0, 0.1, 0.25, 0.5, 0.75, 0.9];

/**
 * A chain with branches of 2–6 layers after one Input of 1–40 × 1–40 × 1–5 (H and W
 * independent, a third of them at most 6 so that `valid` windows often do not fit). Layers are drawn
 * from what the parent's shape allows, plus a few that cannot work (a kernel larger than a
 * `valid` input, Conv2D on a rank-1 tensor, a kernel with the wrong channel count): those
 * must come back from the engine as node errors, so they are kept, not discarded.
 */
export function randomOracleGraph(seed: number, maxSpatial = 40): OracleCase {
  const rng = makeRng(seed);
  const features = new Set<string>();
  const side = rng.chance(0.3) ? Math.min(6, maxSpatial) : maxSpatial;
  const shape = [rng.int(1, side), rng.int(1, side), rng.int(1, 5)];
  const nodes: NodeInput[] = [
    { id: 'in', type: 'Input', params: { tensor: { shape, data: randomData(rng, size(shape)) } } },
  ];
  const edges: { source: string; target: string }[] = [];
  const guesses: Guess[] = [shape];
  const layers = rng.int(2, 6);
  for (let i = 1; i <= layers; i++) {
    const parent = rng.chance(0.7) ? i - 1 : rng.int(0, i - 1);
    if (parent !== i - 1) features.add('branch');
    const [node, guess] = randomLayer(rng, `n${i}`, guesses[parent], features);
    nodes.push({ ...node, position: { x: 200 * i, y: 0 } });
    edges.push({ source: nodes[parent].id, target: node.id });
    guesses.push(guess);
  }
  return { graph: { format: 'convflow-graph', version: 1, nodes, edges }, features };
}

function randomLayer(
  rng: Rng,
  id: string,
  input: Guess,
  features: Set<string>,
): [NodeInput, Guess] {
  const rank = input?.length;
  const roll = rng.next();
  if (rank === 1) {
    if (roll < 0.45) return dense(rng, id, input, features);
    if (roll < 0.65) return dropout(rng, id, input, features);
    if (roll < 0.8) return flatten(id, input, features);
    if (roll < 0.9) return conv(rng, id, input, features);
    return maxPool(rng, id, input, features);
  }
  if (roll < 0.35) return conv(rng, id, input, features);
  if (roll < 0.55) return maxPool(rng, id, input, features);
  if (roll < 0.7) return dense(rng, id, input, features);
  if (roll < 0.85) return flatten(id, input, features);
  return dropout(rng, id, input, features);
}

function conv(rng: Rng, id: string, input: Guess, features: Set<string>): [NodeInput, Guess] {
  const filters = rng.int(1, 6);
  const kernelSize = [rng.int(1, 5), rng.int(1, 5)] as [number, number];
  const strides = [rng.int(1, 3), rng.int(1, 3)] as [number, number];
  const padding = rng.pick(['valid', 'same'] as const);
  const activation = rng.pick(ACTIVATIONS);
  const useBias = rng.chance(0.85);
  const [kh, kw] = kernelSize;
  features.add('conv').add(`padding:${padding}`).add(`activation:${activation}`);
  if (kh % 2 === 0 || kw % 2 === 0) features.add('conv:even-kernel');
  if (kh !== kw) features.add('conv:non-square-kernel');
  if (strides[0] > 1 || strides[1] > 1) features.add('conv:stride>1');
  const known = input?.length === 3 ? input[2] : null;
  // Explicit weights need the input's channels; a wrong count must be a node error.
  const wrongChannels = known !== null && rng.chance(0.04);
  const inC = known === null ? rng.int(1, 5) : known + (wrongChannels ? 1 : 0);
  const explicit = rng.chance(known === null ? 0.3 : 0.75);
  const kernel = explicit
    ? tensor(
        [kh, kw, inC, filters],
        randomData(rng, kh * kw * inC * filters, Math.sqrt(3 / (kh * kw * inC))),
      )
    : initializer(rng, features);
  const bias = rng.chance(0.7)
    ? tensor([filters], randomData(rng, filters, 0.5))
    : initializer(rng, features);
  const params = { filters, kernelSize, strides, padding, activation, useBias, kernel, bias };
  let out: Guess = null;
  if (known !== null && !(explicit && wrongChannels)) {
    out = windowOut(input!, kernelSize, strides, padding);
    if (out) out[2] = filters;
  }
  return [{ id, type: 'Conv2D', params }, out];
}

function maxPool(rng: Rng, id: string, input: Guess, features: Set<string>): [NodeInput, Guess] {
  const poolSize = [rng.int(1, 4), rng.int(1, 4)] as [number, number];
  const strides = rng.chance(0.5)
    ? undefined
    : ([rng.int(1, 3), rng.int(1, 3)] as [number, number]);
  const padding = rng.pick(['valid', 'same'] as const);
  features.add('maxPool').add(`padding:${padding}`);
  const out = input?.length === 3 ? windowOut(input, poolSize, strides ?? poolSize, padding) : null;
  return [{ id, type: 'MaxPool', params: { poolSize, strides, padding } }, out];
}

function dense(rng: Rng, id: string, input: Guess, features: Set<string>): [NodeInput, Guess] {
  const units = rng.int(1, 8);
  const activation = rng.pick(ACTIVATIONS);
  const useBias = rng.chance(0.85);
  const known = input ? input[input.length - 1] : null;
  const wrongUnits = known !== null && rng.chance(0.04);
  const inUnits = known === null ? rng.int(1, 8) : known + (wrongUnits ? 1 : 0);
  const explicit = rng.chance(known === null ? 0.3 : 0.75);
  features.add(`dense:rank${input?.length ?? '?'}`).add(`activation:${activation}`);
  const kernel = explicit
    ? tensor([inUnits, units], randomData(rng, inUnits * units, Math.sqrt(3 / inUnits)))
    : initializer(rng, features);
  const bias = rng.chance(0.7)
    ? tensor([units], randomData(rng, units, 0.5))
    : initializer(rng, features);
  const out = input && !(explicit && wrongUnits) ? [...input.slice(0, -1), units] : null;
  return [{ id, type: 'Dense', params: { units, activation, useBias, kernel, bias } }, out];
}

function flatten(id: string, input: Guess, features: Set<string>): [NodeInput, Guess] {
  features.add('flatten');
  return [{ id, type: 'Flatten', params: {} }, input ? [size(input)] : null];
}

function dropout(rng: Rng, id: string, input: Guess, features: Set<string>): [NodeInput, Guess] {
  const rate = rng.chance(0.8) ? rng.pick(RATES) : Math.fround(rng.uniform(0, 0.95));
  const training = rng.chance(0.5);
  features.add(training ? 'dropout:training' : 'dropout:inference');
  const params = { rate, training, seed: rng.int(0, 2 ** 32 - 1) };
  return [{ id, type: 'Dropout', params }, input];
}

function initializer(rng: Rng, features: Set<string>): Initializer {
  // 'ones' on a wide kernel grows values fast; keep it rarer so the tolerance stays meaningful.
  const init = rng.chance(0.1) ? 'ones' : rng.pick(INITS.filter((i) => i !== 'ones'));
  features.add(`init:${init}`);
  return { init, seed: rng.int(0, 2 ** 32 - 1) };
}

function tensor(shape: number[], data: number[]) {
  return { shape, data };
}

/** Output of a window op as the generator expects it (null: the window does not fit). */
function windowOut(
  [h, w, c]: number[],
  [kh, kw]: [number, number],
  [sh, sw]: [number, number],
  padding: 'valid' | 'same',
): number[] | null {
  if (padding === 'same') return [Math.ceil(h / sh), Math.ceil(w / sw), c];
  if (kh > h || kw > w) return null;
  return [Math.floor((h - kh) / sh) + 1, Math.floor((w - kw) / sw) + 1, c];
}

function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
