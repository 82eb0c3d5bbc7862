import { inferNodeShape, type NodeShapeOk } from './shape-inference.ts';
import type { GraphDocument, GraphNode, TrainingSpec } from './types.ts';

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

/** The shape a data set's samples and labels have: the graph's input and output must match. */
const DATASET_SHAPES = { mnist: { x: [28, 28, 1], y: [10] } } as const;

/**
 * The training section against its graph, without loading any data: the chain from input
 * to output (every node on it without error), and the samples' and labels' shapes against
 * the input's and the output's. Null when it can train; else the field at fault and why.
 */
export function checkTraining(
  doc: Pick<GraphDocument, 'nodes' | 'edges'>,
  training: TrainingSpec,
): { path: string; error: string } | null {
  const chain = trainingChain(doc, training.input, training.output);
  if (!chain.ok) return chain;
  const inShape = chain.input.params.tensor.shape;
  const outShape = chain.links[chain.links.length - 1]!.shape.shape;
  const sets: [string, readonly number[], readonly number[]][] = [];
  if ('dataset' in training.data) {
    const { x, y } = DATASET_SHAPES[training.data.dataset];
    sets.push([`training.data (${training.data.dataset})`, [0, ...x], [0, ...y]]);
  } else sets.push(['training.data', training.data.x.shape, training.data.y.shape]);
  if (training.test) sets.push(['training.test', training.test.x.shape, training.test.y.shape]);
  for (const [path, x, y] of sets) {
    if (!sameShape(x.slice(1), inShape))
      return {
        path,
        error: `samples are [${x.slice(1).join(', ')}] but the input "${training.input}" is [${inShape.join(', ')}]`,
      };
    if (!sameShape(y.slice(1), outShape))
      return {
        path,
        error: `labels are [${y.slice(1).join(', ')}] but the output "${training.output}" is [${outShape.join(', ')}]`,
      };
  }
  return null;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
