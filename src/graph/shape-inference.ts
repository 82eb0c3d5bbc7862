import { windowInfo, type WindowInfo } from './window.ts';
import { formatShape, sizeOf } from './shape.ts';
import { LIMITS } from './limits.ts';
import { topologicalOrder } from './topo.ts';
import { isInitializer, type GraphDocument, type GraphNode, type NodeOf } from './types.ts';

/** What is known of a node before any data is computed. */
export interface NodeShapeOk {
  ok: true;
  shape: number[];
  /** Sliding-window geometry of Conv2D and MaxPool. */
  window?: WindowInfo;
  /** Length of the axis Dense contracts. */
  inUnits?: number;
  /** Trainable parameters, as Keras's `model.summary()` counts them. */
  paramCount: number;
  /** Multiply-accumulates (or comparisons) one evaluation costs. */
  work: number;
}
export type NodeShape = NodeShapeOk | { ok: false; error: string };

/**
 * Output shape of one node from its input's shape (undefined for a node with no input).
 * Uses the same window arithmetic as the kernels, so labels and data always agree.
 */
export function inferNodeShape(node: GraphNode, input: readonly number[] | undefined): NodeShape {
  if (node.type === 'Input')
    return checkSize({ ok: true, shape: [...node.params.tensor.shape], paramCount: 0, work: 0 });
  if (input === undefined) return { ok: false, error: 'no input: connect an edge into this node' };
  switch (node.type) {
    case 'Conv2D':
      return checkSize(conv2dShape(node, input));
    case 'MaxPool':
      return checkSize(maxPoolShape(node, input));
    case 'Dense':
      return checkSize(denseShape(node, input));
    case 'Flatten':
      return { ok: true, shape: [sizeOf(input)], paramCount: 0, work: 0 };
    case 'Dropout':
      return { ok: true, shape: [...input], paramCount: 0, work: 0 };
  }
}

function conv2dShape(node: NodeOf<'Conv2D'>, input: readonly number[]): NodeShape {
  const p = node.params;
  const g = windowInfo(input, p.kernelSize, p.strides, p.padding, 'kernel');
  if (!g.ok) return { ok: false, error: `Conv2D ${g.error}` };
  const { inC, kh, kw, outH, outW } = g.info;
  if (!isInitializer(p.kernel) && p.kernel.shape[2] !== inC) {
    return {
      ok: false,
      error: `kernel expects ${p.kernel.shape[2]} input channels but its input has ${inC} (${formatShape(input)})`,
    };
  }
  const weights = kh * kw * inC * p.filters;
  if (weights > LIMITS.maxTensorElements)
    return {
      ok: false,
      error: `kernel ${kh}×${kw}×${inC}×${p.filters} is over the limit of ${LIMITS.maxTensorElements} elements`,
    };
  const paramCount = weights + (p.useBias ? p.filters : 0);
  return {
    ok: true,
    shape: [outH, outW, p.filters],
    window: g.info,
    paramCount,
    work: outH * outW * weights,
  };
}

function maxPoolShape(node: NodeOf<'MaxPool'>, input: readonly number[]): NodeShape {
  const p = node.params;
  const g = windowInfo(input, p.poolSize, p.strides ?? p.poolSize, p.padding, 'pool');
  if (!g.ok) return { ok: false, error: `MaxPool ${g.error}` };
  const { inC, kh, kw, outH, outW } = g.info;
  return {
    ok: true,
    shape: [outH, outW, inC],
    window: g.info,
    paramCount: 0,
    work: outH * outW * inC * kh * kw,
  };
}

function denseShape(node: NodeOf<'Dense'>, input: readonly number[]): NodeShape {
  const p = node.params;
  const inUnits = input[input.length - 1];
  if (!isInitializer(p.kernel) && p.kernel.shape[0] !== inUnits) {
    return {
      ok: false,
      error: `kernel expects ${p.kernel.shape[0]} input units but its input has ${inUnits} (${formatShape(input)})`,
    };
  }
  const weights = inUnits * p.units;
  if (weights > LIMITS.maxTensorElements) {
    return {
      ok: false,
      error: `kernel ${inUnits}×${p.units} is over the limit of ${LIMITS.maxTensorElements} elements (Flatten gives ${inUnits} units)`,
    };
  }
  const shape = [...input.slice(0, -1), p.units];
  return {
    ok: true,
    shape,
    inUnits,
    paramCount: weights + (p.useBias ? p.units : 0),
    work: (sizeOf(input) / inUnits) * weights,
  };
}

function checkSize(result: NodeShape): NodeShape {
  if (!result.ok) return result;
  const size = sizeOf(result.shape);
  if (size > LIMITS.maxTensorElements) {
    return {
      ok: false,
      error: `output ${formatShape(result.shape)} is ${size} elements, over the limit of ${LIMITS.maxTensorElements}`,
    };
  }
  if (result.work > LIMITS.maxNodeWork) {
    return {
      ok: false,
      error: `needs ${result.work.toExponential(2)} multiply-adds, over the limit of ${LIMITS.maxNodeWork.toExponential(2)} per node`,
    };
  }
  return result;
}

/**
 * Shapes of every node in topological order. A node whose input has an error gets an error
 * naming that input, so a broken node marks everything downstream of it.
 */
export function inferShapes(doc: Pick<GraphDocument, 'nodes' | 'edges'>): Map<string, NodeShape> {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const inputOf = new Map(doc.edges.map((e) => [e.target, e.source]));
  const { order, blocked } = topologicalOrder([...byId.keys()], doc.edges);
  const shapes = new Map<string, NodeShape>();
  for (const id of order) {
    const source = inputOf.get(id);
    const upstream = source === undefined ? undefined : shapes.get(source);
    if (upstream && !upstream.ok)
      shapes.set(id, { ok: false, error: `input "${source}" has an error` });
    else shapes.set(id, inferNodeShape(byId.get(id)!, upstream?.shape));
  }
  for (const id of blocked) shapes.set(id, { ok: false, error: 'on a cycle' });
  return shapes;
}
