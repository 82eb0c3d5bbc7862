import { applyEdits, type GraphEdit } from '../../src/graph/edits.ts';
import { inferShapes } from '../../src/graph/shape-inference.ts';
import {
  isInitializer,
  type GraphDocument,
  type GraphNode,
  type NodeOf,
  type WeightSpec,
} from '../../src/graph/index.ts';
import { randomData, type Rng } from './rng.ts';

/** One `apply` call: its edits, and whether the document must accept them. */
export interface EditPlan {
  edits: GraphEdit[];
  valid: boolean;
  label: string;
}

const ACTIVATIONS = ['linear', 'relu', 'sigmoid', 'tanh', 'softmax'] as const;
const TYPES = ['Conv2D', 'MaxPool', 'Flatten', 'Dense', 'Dropout'] as const;

/**
 * A random edit (or batch of edits) against `doc`. Valid plans are built to pass the
 * schema; their node errors (a kernel that no longer fits, a lost input) are welcome.
 * Invalid plans break one document rule each and must change nothing.
 * The shapes used to size explicit weights only steer the draw; nothing is checked with them.
 */
export function randomEditPlan(rng: Rng, doc: GraphDocument, freshId: () => string): EditPlan {
  const roll = rng.next();
  if (roll < 0.12) return invalidPlan(rng, doc, freshId);
  if (roll < 0.2) return batchPlan(rng, doc, freshId);
  return validPlan(rng, doc, freshId);
}

function validPlan(rng: Rng, doc: GraphDocument, freshId: () => string): EditPlan {
  const layers = doc.nodes.filter((n) => n.type !== 'Input');
  const inputs = doc.nodes.filter((n) => n.type === 'Input');
  const roll = rng.next();
  if (roll < 0.4 && layers.length > 0) {
    const node = rng.pick(layers);
    return { edits: [setParams(rng, doc, node)], valid: true, label: `setParams ${node.type}` };
  }
  if (roll < 0.55 && inputs.length > 0) {
    const node = rng.pick(inputs) as NodeOf<'Input'>;
    return { edits: [retensor(rng, node)], valid: true, label: 'tensor data' };
  }
  if (roll < 0.67) {
    const node = randomNode(rng, freshId());
    const edits: GraphEdit[] = [{ kind: 'addNode', node }];
    const from = doc.nodes.length > 0 && rng.chance(0.7) ? rng.pick(doc.nodes) : null;
    if (from) edits.push({ kind: 'addEdge', source: from.id, target: node.id });
    return { edits, valid: true, label: from ? 'addNode+addEdge' : 'addNode' };
  }
  if (roll < 0.75 && doc.nodes.length > 2) {
    return {
      edits: [{ kind: 'removeNode', id: rng.pick(doc.nodes).id }],
      valid: true,
      label: 'removeNode',
    };
  }
  if (roll < 0.85) {
    const edge = freeConnection(rng, doc);
    if (edge) return { edits: [{ kind: 'addEdge', ...edge }], valid: true, label: 'addEdge' };
  }
  if (roll < 0.92 && doc.edges.length > 0) {
    const { source, target } = rng.pick(doc.edges);
    return { edits: [{ kind: 'removeEdge', source, target }], valid: true, label: 'removeEdge' };
  }
  if (doc.nodes.length === 0) return validPlan(rng, doc, freshId);
  const position = { x: rng.int(-500, 500), y: rng.int(-500, 500) };
  return {
    edits: [{ kind: 'moveNode', id: rng.pick(doc.nodes).id, position }],
    valid: true,
    label: 'moveNode',
  };
}

/** Two or three valid plans in one apply, each drawn against the document the previous left. */
function batchPlan(rng: Rng, doc: GraphDocument, freshId: () => string): EditPlan {
  const edits: GraphEdit[] = [];
  let current = doc;
  for (let i = rng.int(2, 3); i > 0; i--) {
    const plan = validPlan(rng, current, freshId);
    const next = applyEdits(current, plan.edits);
    if (!next.ok) throw new Error(`generator made an invalid ${plan.label}: ${next.error}`);
    edits.push(...plan.edits);
    current = next.value.doc;
  }
  return { edits, valid: true, label: 'batch' };
}

function invalidPlan(rng: Rng, doc: GraphDocument, freshId: () => string): EditPlan {
  const any = doc.nodes.length > 0 ? rng.pick(doc.nodes) : null;
  const input = doc.nodes.find((n) => n.type === 'Input');
  const fed = doc.edges.length > 0 ? rng.pick(doc.edges) : null;
  const options: [string, () => GraphEdit[]][] = [
    ['setParams on a missing node', () => [{ kind: 'setParams', id: 'nowhere', params: {} }]],
    ['removeNode of a missing node', () => [{ kind: 'removeNode', id: 'nowhere' }]],
    [
      'removeEdge that does not exist',
      () => [{ kind: 'removeEdge', source: 'nowhere', target: any?.id ?? 'x' }],
    ],
    [
      'addEdge to a missing node',
      () => [{ kind: 'addEdge', source: any?.id ?? 'x', target: 'nowhere' }],
    ],
    [
      'addNode with a bad kernelSize',
      () => [
        {
          kind: 'addNode',
          node: {
            ...randomNode(rng, freshId()),
            type: 'Conv2D',
            params: { filters: 1, kernelSize: [0, 2] },
          },
        },
      ],
    ],
  ];
  if (any) {
    options.push(
      [
        'setParams with an unknown field',
        () => [{ kind: 'setParams', id: any.id, params: { bogus: 1 } }],
      ],
      ['addNode with a taken id', () => [{ kind: 'addNode', node: { ...any } }]],
      [
        'moveNode to NaN',
        () => [{ kind: 'moveNode', id: any.id, position: { x: Number.NaN, y: 0 } }],
      ],
      [
        'addEdge from a node to itself',
        () => [{ kind: 'addEdge', source: any.id, target: any.id }],
      ],
      [
        'valid edit then an invalid one',
        () => [...validPlan(rng, doc, freshId).edits, { kind: 'removeNode', id: 'nowhere' }],
      ],
    );
  }
  const conv = doc.nodes.find((n) => n.type === 'Conv2D');
  if (conv)
    options.push(['filters 0', () => [{ kind: 'setParams', id: conv.id, params: { filters: 0 } }]]);
  const drop = doc.nodes.find((n) => n.type === 'Dropout');
  if (drop)
    options.push(['rate 1', () => [{ kind: 'setParams', id: drop.id, params: { rate: 1 } }]]);
  if (input && any && any.id !== input.id)
    options.push([
      'addEdge into an Input',
      () => [{ kind: 'addEdge', source: any.id, target: input.id }],
    ]);
  if (fed) {
    // Either a second input to `fed.target` or, from one of its descendants, a cycle too.
    const other = rng.pick(doc.nodes.filter((n) => n.id !== fed.source));
    options.push([
      'addEdge into a fed node',
      () => [{ kind: 'addEdge', source: other.id, target: fed.target }],
    ]);
  }
  const [label, make] = rng.pick(options);
  return { edits: make(), valid: false, label };
}

function setParams(rng: Rng, doc: GraphDocument, node: GraphNode): GraphEdit {
  return { kind: 'setParams', id: node.id, params: paramChange(rng, doc, node) };
}

function paramChange(rng: Rng, doc: GraphDocument, node: GraphNode): Record<string, unknown> {
  switch (node.type) {
    case 'Input':
      return {};
    case 'Conv2D': {
      const p = node.params;
      const inC = kernelInSize(p.kernel, 2) ?? inputLast(doc, node.id) ?? rng.int(1, 3);
      const which = rng.pick([
        'filters',
        'kernelSize',
        'strides',
        'padding',
        'activation',
        'useBias',
        'kernel',
      ]);
      const filters = which === 'filters' ? rng.int(1, 4) : p.filters;
      const [kh, kw] = which === 'kernelSize' ? [rng.int(1, 4), rng.int(1, 4)] : p.kernelSize;
      const fitted = {
        kernel: refit(rng, p.kernel, [kh, kw, inC, filters], which === 'kernel'),
        bias: refit(rng, p.bias, [filters], false),
      };
      if (which === 'filters') return { filters, ...fitted };
      if (which === 'kernelSize') return { kernelSize: [kh, kw], ...fitted };
      if (which === 'kernel') return { kernel: fitted.kernel };
      return { [which]: scalarParam(rng, which) };
    }
    case 'Dense': {
      const p = node.params;
      const inUnits = kernelInSize(p.kernel, 0) ?? inputLast(doc, node.id) ?? rng.int(1, 8);
      const which = rng.pick(['units', 'activation', 'useBias', 'kernel']);
      const units = which === 'units' ? rng.int(1, 5) : p.units;
      const kernel = refit(rng, p.kernel, [inUnits, units], which === 'kernel');
      if (which === 'units') return { units, kernel, bias: refit(rng, p.bias, [units], false) };
      if (which === 'kernel') return { kernel };
      return { [which]: scalarParam(rng, which) };
    }
    case 'MaxPool': {
      const which = rng.pick(['poolSize', 'strides', 'padding']);
      if (which === 'poolSize') return { poolSize: [rng.int(1, 3), rng.int(1, 3)] };
      if (which === 'strides')
        return { strides: rng.chance(0.3) ? undefined : [rng.int(1, 3), rng.int(1, 3)] };
      return { padding: scalarParam(rng, 'padding') };
    }
    case 'Flatten':
      return {};
    case 'Dropout': {
      const which = rng.pick(['rate', 'training', 'seed']);
      if (which === 'rate') return { rate: rng.pick([0, 0.2, 0.5, 0.8]) };
      if (which === 'training') return { training: !node.params.training };
      return { seed: rng.int(0, 1000) };
    }
  }
}

function scalarParam(rng: Rng, which: string): unknown {
  if (which === 'strides') return [rng.int(1, 3), rng.int(1, 3)];
  if (which === 'padding') return rng.pick(['valid', 'same']);
  if (which === 'activation') return rng.pick(ACTIVATIONS);
  return rng.chance(0.5);
}

/** A weight of `shape`: a fresh one when asked, else the old one if it still fits. */
function refit(rng: Rng, old: WeightSpec, shape: number[], fresh: boolean): WeightSpec {
  if (!fresh && (isInitializer(old) || old.shape.join() === shape.join())) return old;
  if (rng.chance(0.4))
    return {
      init: rng.pick(['glorotUniform', 'heUniform', 'zeros', 'ones']),
      seed: rng.int(0, 99),
    };
  const n = shape.reduce((a, b) => a * b, 1);
  return { shape, data: Float32Array.from(randomData(rng, n, 0.7)) };
}

function kernelInSize(w: WeightSpec, axis: number): number | undefined {
  return isInitializer(w) ? undefined : w.shape[axis];
}

/** The last dimension of the node's input, if it has a valid one. */
function inputLast(doc: GraphDocument, id: string): number | undefined {
  const source = doc.edges.find((e) => e.target === id)?.source;
  const shape = source === undefined ? undefined : inferShapes(doc).get(source);
  return shape?.ok ? shape.shape[shape.shape.length - 1] : undefined;
}

function retensor(rng: Rng, node: NodeOf<'Input'>): GraphEdit {
  const shape = rng.chance(0.3)
    ? [rng.int(1, 8), rng.int(1, 8), rng.int(1, 3)]
    : node.params.tensor.shape;
  const n = shape.reduce((a, b) => a * b, 1);
  return {
    kind: 'setParams',
    id: node.id,
    params: { tensor: { shape, data: randomData(rng, n) } },
  };
}

/** A layer with initializer weights, so it fits any input its edges bring. */
export function randomNode(rng: Rng, id: string): { id: string; type: string; params: object } {
  const type = rng.pick(TYPES);
  const init = () => ({
    init: rng.pick(['glorotUniform', 'heUniform', 'zeros', 'ones']),
    seed: rng.int(0, 99),
  });
  const pair = (hi: number) => [rng.int(1, hi), rng.int(1, hi)];
  const params = {
    Conv2D: {
      filters: rng.int(1, 4),
      kernelSize: pair(3),
      strides: pair(2),
      padding: rng.pick(['valid', 'same']),
      activation: rng.pick(ACTIVATIONS),
      kernel: init(),
      bias: init(),
    },
    MaxPool: { poolSize: pair(3), padding: rng.pick(['valid', 'same']) },
    Flatten: {},
    Dense: {
      units: rng.int(1, 5),
      activation: rng.pick(ACTIVATIONS),
      kernel: init(),
      bias: init(),
    },
    Dropout: { rate: rng.pick([0, 0.3, 0.6]), training: rng.chance(0.5), seed: rng.int(0, 99) },
  }[type];
  return { id, type, params };
}

/** An edge into a node that has no input, from a node that is not downstream of it. */
function freeConnection(rng: Rng, doc: GraphDocument): { source: string; target: string } | null {
  const fed = new Set(doc.edges.map((e) => e.target));
  const open = doc.nodes.filter((n) => n.type !== 'Input' && !fed.has(n.id));
  if (open.length === 0) return null;
  const target = rng.pick(open).id;
  const below = downstream(target, doc.edges);
  const sources = doc.nodes.filter((n) => !below.has(n.id));
  return sources.length === 0 ? null : { source: rng.pick(sources).id, target };
}

/** `id` and everything reachable from it: the test's own walk, not the engine's. */
export function downstream(
  id: string | Iterable<string>,
  edges: readonly { source: string; target: string }[],
): Set<string> {
  const seen = new Set<string>();
  const stack = typeof id === 'string' ? [id] : [...id];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    for (const e of edges) if (e.source === next) stack.push(e.target);
  }
  return seen;
}
