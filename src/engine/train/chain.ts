import { inferNodeShape, type NodeShapeOk } from '../../graph/shape-inference.ts';
import type { GraphDocument, GraphNode } from '../../graph/types.ts';

/** One node between the training input and output, with its shapes. */
export interface ChainLink {
  node: GraphNode;
  inShape: readonly number[];
  shape: NodeShapeOk;
}

export type ChainResult =
  | { ok: true; input: GraphNode & { type: 'Input' }; links: ChainLink[] }
  | { ok: false; path: string; error: string };

/**
 * The nodes data passes through from `inputId` to `outputId`, in order, each with its
 * shape. Every node has at most one incoming edge, so the chain is found by walking back
 * from the output. Errors name the training field or the node at fault.
 */
export function trainingChain(
  doc: Pick<GraphDocument, 'nodes' | 'edges'>,
  inputId: string,
  outputId: string,
): ChainResult {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const input = byId.get(inputId);
  if (!input) return fail('training.input', `no node "${inputId}" in the graph`);
  if (input.type !== 'Input')
    return fail('training.input', `"${inputId}" is a ${input.type}, not an Input`);
  if (!byId.has(outputId)) return fail('training.output', `no node "${outputId}" in the graph`);
  if (outputId === inputId)
    return fail('training.output', `"${outputId}" is the input itself: name a layer after it`);
  const sourceOf = new Map(doc.edges.map((e) => [e.target, e.source]));
  const path: GraphNode[] = [];
  const seen = new Set<string>();
  for (let id: string | undefined = outputId; id !== inputId;) {
    const node = id === undefined ? undefined : byId.get(id);
    if (!node || seen.has(node.id))
      return fail('training.output', `"${outputId}" is not downstream of the input "${inputId}"`);
    seen.add(node.id);
    path.push(node);
    id = sourceOf.get(node.id);
  }
  path.reverse();
  const links: ChainLink[] = [];
  let inShape: readonly number[] = input.params.tensor.shape;
  for (const node of path) {
    const shape = inferNodeShape(node, inShape);
    if (!shape.ok) {
      const at = doc.nodes.indexOf(node);
      return fail(`nodes[${at}]`, `node "${node.id}": ${shape.error}`);
    }
    links.push({ node, inShape, shape });
    inShape = shape.shape;
  }
  return { ok: true, input: input as GraphNode & { type: 'Input' }, links };
}

function fail(path: string, error: string): ChainResult {
  return { ok: false, path, error };
}
