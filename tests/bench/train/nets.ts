import { parseGraph } from '../../../src/graph/parse.ts';
import type { GraphDocument } from '../../../src/graph/types.ts';

/** A network of the training bench, as a layer list every peer builds from. */
export type LayerSpec =
  | { type: 'conv'; filters: number; size: number }
  | { type: 'pool' }
  | { type: 'flatten' }
  | { type: 'dense'; units: number; activation: 'relu' | 'softmax' }
  | { type: 'dropout'; rate: number };

export interface BenchNet {
  name: string;
  layers: LayerSpec[];
}

/** The LeNet, and the wider net of Keras's MNIST example. */
export const NETS: BenchNet[] = [
  {
    name: 'LeNet (8 5×5, pool, 16 5×5, pool, dense 10)',
    layers: [
      { type: 'conv', filters: 8, size: 5 },
      { type: 'pool' },
      { type: 'conv', filters: 16, size: 5 },
      { type: 'pool' },
      { type: 'flatten' },
      { type: 'dense', units: 10, activation: 'softmax' },
    ],
  },
  {
    name: 'wide (32 3×3, pool, 64 3×3, pool, dense 128, dropout, dense 10)',
    layers: [
      { type: 'conv', filters: 32, size: 3 },
      { type: 'pool' },
      { type: 'conv', filters: 64, size: 3 },
      { type: 'pool' },
      { type: 'flatten' },
      { type: 'dense', units: 128, activation: 'relu' },
      { type: 'dropout', rate: 0.5 },
      { type: 'dense', units: 10, activation: 'softmax' },
    ],
  },
];

/** The net as a convflow document (Input 28×28×1, relu convolutions, glorot kernels). */
export function netDocument(net: BenchNet): GraphDocument {
  const nodes: unknown[] = [
    {
      id: 'in',
      type: 'Input',
      params: { tensor: { shape: [28, 28, 1], data: new Array(784).fill(0) } },
    },
  ];
  net.layers.forEach((l, i) => {
    const id = i === net.layers.length - 1 ? 'out' : `l${i}`;
    const kernel = { init: 'glorotUniform', seed: i };
    if (l.type === 'conv')
      nodes.push({
        id,
        type: 'Conv2D',
        params: { filters: l.filters, kernelSize: [l.size, l.size], activation: 'relu', kernel },
      });
    else if (l.type === 'pool') nodes.push({ id, type: 'MaxPool' });
    else if (l.type === 'flatten') nodes.push({ id, type: 'Flatten' });
    else if (l.type === 'dense')
      nodes.push({
        id,
        type: 'Dense',
        params: { units: l.units, activation: l.activation, kernel },
      });
    else nodes.push({ id, type: 'Dropout', params: { rate: l.rate } });
  });
  const ids = nodes.map((n) => (n as { id: string }).id);
  const parsed = parseGraph({
    format: 'convflow-graph',
    version: 1,
    nodes,
    edges: ids.slice(1).map((target, i) => ({ source: ids[i], target })),
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}
