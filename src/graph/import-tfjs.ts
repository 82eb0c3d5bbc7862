import { LIMITS } from './limits.ts';
import { parseGraph } from './parse.ts';
import { convertLayer, SUPPORTED_LAYERS, type LayerConversion } from './tfjs-layers.ts';
import { readTopology, type TopologyLayer } from './tfjs-topology.ts';
import { decodeWeights, type WeightBuffers, type WeightValue } from './tfjs-weights.ts';
import type { GraphDocument } from './types.ts';

export type { WeightBuffers } from './tfjs-weights.ts';

/** An imported graph, with notes on what could not be carried over exactly. */
export type TfjsImportResult =
  { ok: true; value: GraphDocument; notes: string[] } | { ok: false; error: string };

interface DraftNode {
  id: string;
  type: string;
  position: { x: number; y: number };
  params: Record<string, unknown>;
}
interface Draft {
  nodes: DraftNode[];
  edges: { source: string; target: string }[];
}

/**
 * A TensorFlow.js layers `model.json` (already parsed) as a graph document: an Input node
 * holding zeros of the model's input shape (batch axis dropped), one node per layer, laid
 * out left to right. Given the weight files, kernels and biases are the stored values;
 * without them, seeded initializers (convflow's numbers, not the model's).
 * Refuses a model with a layer convflow lacks, naming it:
 * `unsupported layer "batch_normalization_1" (BatchNormalization); convflow supports …`.
 * @example importTfjsModel(JSON.parse(modelJsonText), { 'group1-shard1of1.bin': bin })
 */
export function importTfjsModel(modelJson: unknown, weights?: WeightBuffers): TfjsImportResult {
  const topology = readTopology(modelJson);
  if (!topology.ok) return topology;
  let values: Map<string, WeightValue> | undefined;
  if (weights !== undefined) {
    const manifest = (modelJson as { weightsManifest?: unknown }).weightsManifest;
    const decoded = decodeWeights(manifest, weights);
    if (!decoded.ok) return decoded;
    values = byLayer(decoded.value);
  }
  const notes: string[] = [];
  const draft = buildDraft(topology.value.layers, values, notes);
  if (!draft.ok) return draft;
  layOut(draft.value);
  const parsed = parseGraph({
    format: 'convflow-graph',
    version: 1,
    meta: { title: { en: `Imported model "${topology.value.name}"`.slice(0, 200) } },
    ...draft.value,
  });
  if (!parsed.ok) return { ok: false, error: `the imported graph is invalid: ${parsed.error}` };
  return { ok: true, value: parsed.value, notes: values ? [] : notes };
}

function buildDraft(
  layers: readonly TopologyLayer[],
  values: Map<string, WeightValue> | undefined,
  notes: string[],
): { ok: true; value: Draft } | { ok: false; error: string } {
  const ids = nodeIds(layers);
  const readers = new Map<string, number>();
  for (const l of layers) for (const i of l.inputs) readers.set(i, (readers.get(i) ?? 0) + 1);
  const draft: Draft = { nodes: [], edges: [] };
  const byName = new Map<string, DraftNode>();
  /** A dropped or folded layer's name → the node that now gives its output. */
  const alias = new Map<string, string>();
  for (const layer of layers) {
    const converted = convertLayer(layer, notes);
    if (converted.kind === 'error') return { ok: false, error: converted.error };
    const inputs = layer.inputs.map((i) => alias.get(i) ?? i);
    const problem = checkInputs(layer, converted, inputs, byName);
    if (problem) return { ok: false, error: problem };
    const source = inputs[0];
    if (converted.kind === 'activation') {
      const direct = byName.has(layer.inputs[0]!) && readers.get(layer.inputs[0]!) === 1;
      const folded = fold(layer, converted.activation, byName.get(source!)!, direct);
      if (typeof folded === 'string') return { ok: false, error: folded };
      alias.set(layer.name, source!);
      continue;
    }
    const node = draftNode(layer, converted, ids.get(layer.name)!, values);
    if (typeof node === 'string') return { ok: false, error: node };
    draft.nodes.push(node);
    byName.set(layer.name, node);
    if (source !== undefined) draft.edges.push({ source: byName.get(source)!.id, target: node.id });
  }
  return { ok: true, value: draft };
}

function checkInputs(
  layer: TopologyLayer,
  converted: LayerConversion,
  inputs: readonly string[],
  byName: ReadonlyMap<string, DraftNode>,
): string | undefined {
  const where = `layer "${layer.name}" (${layer.className})`;
  const missing = inputs.find((i) => !byName.has(i));
  if (missing !== undefined)
    return `${where} reads from "${missing}", which comes later or not at all`;
  const wanted = converted.kind === 'input' ? 0 : 1;
  if (inputs.length !== wanted)
    return `${where} has ${inputs.length} inputs; convflow layers take ${wanted === 0 ? 'none' : 'one'}`;
  return undefined;
}

/**
 * Fold an Activation into the Conv2D or Dense before it (`direct`: read by nothing else);
 * a linear one is just dropped.
 */
function fold(
  layer: TopologyLayer,
  activation: string,
  source: DraftNode,
  direct: boolean,
): true | string {
  if (activation === 'linear') return true;
  const sourceLayer = source.params as { activation?: string };
  const foldable =
    (source.type === 'Conv2D' || source.type === 'Dense') &&
    sourceLayer.activation === 'linear' &&
    direct;
  if (!foldable)
    return `unsupported layer "${layer.name}" (Activation "${activation}" after ${source.type} "${source.id}"); ${SUPPORTED_LAYERS}`;
  sourceLayer.activation = activation;
  return true;
}

function draftNode(
  layer: TopologyLayer,
  converted: Exclude<LayerConversion, { kind: 'error' | 'activation' }>,
  id: string,
  values: Map<string, WeightValue> | undefined,
): DraftNode | string {
  const position = { x: 0, y: 0 };
  if (converted.kind === 'input') {
    const data = new Array<number>(converted.shape.reduce((a, b) => a * b, 1)).fill(0);
    return { id, type: 'Input', position, params: { tensor: { shape: converted.shape, data } } };
  }
  const params = { ...converted.params };
  if (values && (converted.type === 'Conv2D' || converted.type === 'Dense')) {
    const names = params.useBias === false ? ['kernel'] : ['kernel', 'bias'];
    for (const w of names) {
      const value = values.get(`${layer.name}/${w}`);
      if (!value)
        return `layer "${layer.name}" (${layer.className}): no ${w} in the weights manifest`;
      params[w] = value;
    }
  }
  return { id, type: converted.type, position, params };
}

/** Weights keyed `layer/kernel`: tfjs may suffix names (`conv/kernel_1`), Keras `:0` or a scope. */
function byLayer(weights: ReadonlyMap<string, WeightValue>): Map<string, WeightValue> {
  const out = new Map<string, WeightValue>();
  for (const [name, value] of weights) {
    const parts = name.replace(/:\d+$/, '').split('/');
    const kind = parts.pop()!.replace(/_\d+$/, '');
    const layer = parts.pop();
    const key = `${layer}/${kind}`;
    if (layer !== undefined && !out.has(key)) out.set(key, value);
  }
  return out;
}

/** Layer names as node ids, cut to the id limit and kept unique. */
function nodeIds(layers: readonly TopologyLayer[]): Map<string, string> {
  const taken = new Set<string>();
  const ids = new Map<string, string>();
  for (const { name } of layers) {
    const base = name.slice(0, LIMITS.maxIdLength - 4);
    let id = name.length <= LIMITS.maxIdLength ? name : base;
    for (let k = 2; taken.has(id); k++) id = `${base}_${k}`;
    taken.add(id);
    ids.set(name, id);
  }
  return ids;
}

/** Columns by depth (edges from the Inputs), rows in file order within a column. */
function layOut(draft: Draft): void {
  const depth = new Map<string, number>();
  const sourceOf = new Map(draft.edges.map((e) => [e.target, e.source]));
  const rows = new Map<number, number>();
  for (const node of draft.nodes) {
    const source = sourceOf.get(node.id);
    const d = source === undefined ? 0 : depth.get(source)! + 1;
    depth.set(node.id, d);
    const row = rows.get(d) ?? 0;
    rows.set(d, row + 1);
    node.position = { x: d * 320, y: row * 240 };
  }
}
