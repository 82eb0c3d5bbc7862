import { layerNames } from './export-format.ts';
import type { ParseResult } from './parse.ts';
import { inferShapes, type NodeShapeOk } from './shape-inference.ts';
import { childrenOf, topologicalOrder } from './topo.ts';
import type { GraphDocument, GraphNode } from './types.ts';
import { resolveNodeWeights } from './weights.ts';

/** A weight with its values resolved exactly as the engine resolves them. */
export interface ResolvedTensor {
  shape: number[];
  data: Float32Array;
}

/** One node as the code generators see it. */
export interface ExportLayer {
  node: GraphNode;
  /** Layer (and variable) name: the node id made a valid identifier, unique. */
  name: string;
  /** Name of the layer feeding this one; undefined for an Input. */
  input: string | undefined;
  /** Output shape without the batch axis. */
  shape: number[];
  /** Input shape without the batch axis; an Input's own shape. */
  inputShape: number[];
  /** Kernel then bias (if any), for Conv2D and Dense. */
  weights: ResolvedTensor[];
}

/** A graph ready to be written as code. */
export interface ExportPlan {
  /** Every node, in topological order. */
  layers: ExportLayer[];
  /** The Input layers, in document order. */
  inputs: ExportLayer[];
  /** The nodes nothing reads from: the model's outputs, in topological order. */
  outputs: ExportLayer[];
  /** One Input followed by a single chain of layers: Keras's Sequential fits. */
  sequential: boolean;
  /** The document's English title, if any. */
  title: string | undefined;
}

/**
 * Everything the Keras and TensorFlow.js generators need: names, shapes, resolved weights and
 * the outputs. Refuses a graph with a node error, naming the node.
 * @example planExport(doc) // { ok: false, error: 'node "conv" (Conv2D): Conv2D kernel 3×3 is larger than its input 2×2…' }
 */
export function planExport(doc: GraphDocument): ParseResult<ExportPlan> {
  if (doc.nodes.length === 0) return { ok: false, error: 'the graph is empty: nothing to export' };
  const shapes = inferShapes(doc);
  const { order } = topologicalOrder(
    doc.nodes.map((n) => n.id),
    doc.edges,
  );
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  // Topological order names the first broken node, not one that only inherits its error.
  for (const id of order) {
    const s = shapes.get(id);
    if (s && !s.ok)
      return { ok: false, error: `node ${JSON.stringify(id)} (${byId.get(id)!.type}): ${s.error}` };
  }
  const layers = exportLayers(doc, order, shapes as Map<string, NodeShapeOk>);
  const children = childrenOf(doc.edges);
  const outputs = layers.filter((l) => !children.has(l.node.id));
  const inputs = doc.nodes
    .filter((n) => n.type === 'Input')
    .map((n) => layers.find((l) => l.node === n)!);
  // Without merges every node hangs off one Input: one Input and one output make a chain.
  const sequential = inputs.length === 1 && layers.length > 1 && outputs.length === 1;
  return { ok: true, value: { layers, inputs, outputs, sequential, title: doc.meta?.title?.en } };
}

function exportLayers(
  doc: GraphDocument,
  order: readonly string[],
  shapes: ReadonlyMap<string, NodeShapeOk>,
): ExportLayer[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const names = new Map(
    layerNames(doc.nodes.map((n) => n.id)).map((name, i) => [doc.nodes[i]!.id, name]),
  );
  const inputOf = new Map(doc.edges.map((e) => [e.target, e.source]));
  return order.map((id) => {
    const node = byId.get(id)!;
    const source = inputOf.get(id);
    const inShape = source === undefined ? undefined : shapes.get(source)!.shape;
    return {
      node,
      name: names.get(id)!,
      input: source === undefined ? undefined : names.get(source),
      shape: shapes.get(id)!.shape,
      inputShape: inShape ?? shapes.get(id)!.shape,
      weights: inShape ? resolvedWeights(node, inShape) : [],
    };
  });
}

/** Kernel and bias values of a Conv2D or Dense, resolved as the engine resolves them. */
function resolvedWeights(node: GraphNode, inShape: readonly number[]): ResolvedTensor[] {
  if (node.type !== 'Conv2D' && node.type !== 'Dense') return [];
  const { kernel, bias, shape } = resolveNodeWeights(node, inShape[inShape.length - 1]!);
  const out = [{ shape, data: kernel }];
  if (bias) out.push({ shape: [bias.length], data: bias });
  return out;
}

/** An Input layer's tensor as a batch of one: shape `[1, H, W, C]`. */
export function batchOfOne(l: ExportLayer): ResolvedTensor {
  if (l.node.type !== 'Input') throw new Error(`"${l.node.id}" is not an Input`);
  const t = l.node.params.tensor;
  return { shape: [1, ...t.shape], data: Float32Array.from(t.data) };
}
