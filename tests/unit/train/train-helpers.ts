import { parseGraph } from '../../../src/graph/parse.ts';
import type { GraphDocument } from '../../../src/graph/types.ts';
import { trainingChain } from '../../../src/graph/training-chain.ts';
import { TrainModel, type ModelOptions } from '../../../src/engine/train/model.ts';
import type { NodeSpec } from '../helpers.ts';
import type { Rng } from '../../property/rng.ts';

/** A document whose nodes form a chain: `in` (zeros of `inShape`) → layers in order. */
export function chainDocument(
  inShape: readonly number[],
  layers: readonly NodeSpec[],
): GraphDocument {
  const size = inShape.reduce((a, b) => a * b, 1);
  const nodes = [
    {
      id: 'in',
      type: 'Input',
      params: { tensor: { shape: inShape, data: new Array(size).fill(0) } },
    },
    ...layers,
  ];
  const edges = layers.map((l, i) => ({ source: nodes[i]!.id, target: l.id }));
  const parsed = parseGraph({ format: 'convflow-graph', version: 1, nodes, edges });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** The model of a chain document, from `in` to its last node. */
export function chainModel(doc: GraphDocument, options: ModelOptions): TrainModel {
  const chain = trainingChain(doc, 'in', doc.nodes[doc.nodes.length - 1]!.id);
  if (!chain.ok) throw new Error(`${chain.path}: ${chain.error}`);
  return new TrainModel(chain.input.params.tensor.shape, chain.links, options);
}

export function randomFloats(rng: Rng, n: number, kind: 'float32' | 'float64', scale = 1) {
  const a = kind === 'float32' ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = rng.uniform(-scale, scale);
  return a;
}

/** One-hot rows of width `k`, classes drawn from `rng`. */
export function oneHot(rng: Rng, rows: number, k: number, kind: 'float32' | 'float64') {
  const a = kind === 'float32' ? new Float32Array(rows * k) : new Float64Array(rows * k);
  for (let r = 0; r < rows; r++) a[r * k + rng.int(0, k - 1)] = 1;
  return a;
}
