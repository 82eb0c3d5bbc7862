import type { GraphDocument, NodeType, Position } from '../graph/types.ts';

/** The palette's order; the add shortcut's digits 1–6 follow it. */
export const PALETTE_TYPES: readonly NodeType[] = [
  'Input',
  'Conv2D',
  'MaxPool',
  'Flatten',
  'Dense',
  'Dropout',
];

/** Keras-style id prefixes: `conv2d_1`, `max_pool_2`, `dense_3`. */
const ID_PREFIX: Record<NodeType, string> = {
  Input: 'input',
  Conv2D: 'conv2d',
  MaxPool: 'max_pool',
  Flatten: 'flatten',
  Dense: 'dense',
  Dropout: 'dropout',
};

/** The slide's X: a 5×5 pattern the default Conv2D has something to find in. */
const X_PATTERN = [1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1];

/**
 * The next free id for a type: one past the highest number in use, as Keras names layers.
 * @example nextNodeId(doc, 'Conv2D') // 'conv2d_1', then 'conv2d_2', …
 */
export function nextNodeId(doc: Pick<GraphDocument, 'nodes'>, type: NodeType): string {
  const prefix = ID_PREFIX[type];
  const pattern = new RegExp(`^${prefix}_(\\d+)$`);
  let highest = 0;
  for (const node of doc.nodes) {
    const match = pattern.exec(node.id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${prefix}_${highest + 1}`;
}

/** The number at the end of an id, used as a new layer's weight seed so layers differ. */
function numberOf(id: string): number {
  return Number(/_(\d+)$/.exec(id)?.[1] ?? 1);
}

/** Default params of a new node: small, valid and with an output worth looking at. */
export function defaultParams(type: NodeType, id: string): Record<string, unknown> {
  const seed = numberOf(id);
  switch (type) {
    case 'Input':
      return { tensor: { shape: [5, 5, 1], data: [...X_PATTERN] } };
    case 'Conv2D':
      return { filters: 1, kernelSize: [3, 3], kernel: { init: 'glorotUniform', seed } };
    case 'MaxPool':
      return { poolSize: [2, 2] };
    case 'Flatten':
      return {};
    case 'Dense':
      return { units: 4, kernel: { init: 'glorotUniform', seed } };
    case 'Dropout':
      return { rate: 0.5, seed };
  }
}

/** A new node as an `addNode` edit carries it. */
export function newNode(type: NodeType, id: string, position: Position): Record<string, unknown> {
  return { id, type, position, params: defaultParams(type, id) };
}
