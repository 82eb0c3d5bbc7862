import { parseGraph } from '../../../src/graph/parse.ts';
import type { GraphDocument, GraphDocumentInput } from '../../../src/graph/types.ts';

type NodeInput = GraphDocumentInput['nodes'][number];

/** A seeded source of randomness for test graphs (splitmix-style, independent of the engine). */
function makeRng(seed: number) {
  let state = (seed ^ 0x9e3779b9) >>> 0;
  const next = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof makeRng>;

const ACTIVATIONS = ['linear', 'relu', 'sigmoid', 'tanh', 'softmax'] as const;
const INITS = ['glorotUniform', 'heUniform', 'zeros', 'ones'] as const;

/**
 * A valid graph (no node errors) of one or two Inputs of up to 9×9×3 and `layers` layers.
 * A chain when `branching` is false; otherwise each layer reads from any earlier node, so
 * outputs fan out. Weights are a mix of seeded initializers and explicit tensors.
 */
export function randomGraph(seed: number, branching: boolean, layers = 5): GraphDocument {
  const rng = makeRng(seed);
  const nodes: NodeInput[] = [];
  const shapes: number[][] = [];
  const edges: { source: string; target: string }[] = [];
  const inputs = branching && rng.chance(0.5) ? 2 : 1;
  for (let i = 0; i < inputs; i++) {
    const shape = [rng.int(3, 9), rng.int(3, 9), rng.int(1, 3)];
    nodes.push({ id: `in${i}`, type: 'Input', params: { tensor: randomTensor(rng, shape) } });
    shapes.push(shape);
  }
  for (let i = 0; i < layers; i++) {
    const parent = branching ? rng.int(0, nodes.length - 1) : nodes.length - 1;
    const [node, shape] = randomLayer(rng, `n${i + 1}`, shapes[parent]!);
    edges.push({ source: nodes[parent]!.id, target: node.id });
    nodes.push(node);
    shapes.push(shape);
  }
  const parsed = parseGraph({ format: 'convflow-graph', version: 1, nodes, edges });
  if (!parsed.ok) throw new Error(`random graph ${seed} is invalid: ${parsed.error}`);
  return parsed.value;
}

function randomLayer(rng: Rng, id: string, input: number[]): [NodeInput, number[]] {
  const roll = rng.next();
  if (input.length === 3 && roll < 0.4) return conv(rng, id, input);
  if (input.length === 3 && roll < 0.55) return maxPool(rng, id, input);
  if (roll < 0.75) return dense(rng, id, input);
  if (roll < 0.88) return [{ id, type: 'Flatten' }, [input.reduce((a, b) => a * b, 1)]];
  const params = {
    rate: rng.pick([0, 0.25, 0.5]),
    training: rng.chance(0.5),
    seed: rng.int(0, 99),
  };
  return [{ id, type: 'Dropout', params }, input];
}

function window(rng: Rng, input: number[]) {
  const padding = rng.pick(['valid', 'same'] as const);
  const size = input.slice(0, 2).map((n) => rng.int(1, padding === 'valid' ? Math.min(n, 4) : 4));
  const strides = [rng.int(1, 2), rng.int(1, 2)];
  const out = input
    .slice(0, 2)
    .map((n, i) =>
      padding === 'valid'
        ? Math.floor((n - size[i]!) / strides[i]!) + 1
        : Math.ceil(n / strides[i]!),
    );
  return { padding, size: size as [number, number], strides: strides as [number, number], out };
}

function conv(rng: Rng, id: string, input: number[]): [NodeInput, number[]] {
  const w = window(rng, input);
  const filters = rng.int(1, 4);
  const useBias = rng.chance(0.7);
  const inC = input[2]!;
  const params = {
    filters,
    kernelSize: w.size,
    strides: w.strides,
    padding: w.padding,
    activation: rng.pick(ACTIVATIONS),
    useBias,
    kernel: weight(rng, [...w.size, inC, filters]),
    bias: weight(rng, [filters]),
  };
  return [{ id, type: 'Conv2D', params }, [...w.out, filters]];
}

function maxPool(rng: Rng, id: string, input: number[]): [NodeInput, number[]] {
  const w = window(rng, input);
  const params = rng.chance(0.5)
    ? { poolSize: w.size, strides: w.strides, padding: w.padding }
    : { poolSize: w.size, padding: w.padding };
  const out = 'strides' in params ? w.out : windowOut(input, w.size, w.padding);
  return [{ id, type: 'MaxPool', params }, [...out, input[2]!]];
}

function windowOut(input: number[], size: number[], padding: 'valid' | 'same'): number[] {
  return input
    .slice(0, 2)
    .map((n, i) =>
      padding === 'valid' ? Math.floor((n - size[i]!) / size[i]!) + 1 : Math.ceil(n / size[i]!),
    );
}

function dense(rng: Rng, id: string, input: number[]): [NodeInput, number[]] {
  const units = rng.int(1, 5);
  const inUnits = input[input.length - 1]!;
  const params = {
    units,
    activation: rng.pick(ACTIVATIONS),
    useBias: rng.chance(0.7),
    kernel: weight(rng, [inUnits, units]),
    bias: weight(rng, [units]),
  };
  return [{ id, type: 'Dense', params }, [...input.slice(0, -1), units]];
}

/** A seeded initializer two times in three, otherwise explicit values. */
function weight(rng: Rng, shape: number[]) {
  if (rng.chance(0.67)) return { init: rng.pick(INITS), seed: rng.int(0, 1000) };
  return randomTensor(rng, shape);
}

function randomTensor(rng: Rng, shape: number[]) {
  const size = shape.reduce((a, b) => a * b, 1);
  const data = Array.from({ length: size }, () => Math.round((rng.next() * 2 - 1) * 1000) / 1000);
  return { shape, data };
}
