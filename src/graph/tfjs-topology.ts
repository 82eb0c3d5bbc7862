import type { ParseResult } from './parse.ts';

/** One layer of a Keras / TensorFlow.js model topology, with the layers it reads from. */
export interface TopologyLayer {
  name: string;
  className: string;
  config: Record<string, unknown>;
  /** Names of the layers whose outputs feed this one (empty for an InputLayer). */
  inputs: string[];
}

/** A model's layers in file order, and its name. */
export interface Topology {
  name: string;
  layers: TopologyLayer[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The layers of a `model.json`'s `modelTopology` (or of the topology itself): a Sequential
 * model (tfjs, Keras 2 or Keras 3 layout) or a functional `Model` / `Functional` one, whose
 * `inbound_nodes` may use Keras 2's nested arrays or Keras 3's `keras_history`.
 * A Sequential model without an InputLayer gets one named `input`, from its first layer's
 * `batch_input_shape`.
 */
export function readTopology(modelJson: unknown): ParseResult<Topology> {
  if (!isObject(modelJson)) return { ok: false, error: 'model.json: expected a JSON object' };
  let topology: unknown = modelJson.modelTopology ?? modelJson;
  if (isObject(topology) && isObject(topology.model_config)) topology = topology.model_config;
  if (!isObject(topology) || typeof topology.class_name !== 'string')
    return { ok: false, error: 'model.json: expected modelTopology with a class_name' };
  const config = topology.config;
  if (topology.class_name === 'Sequential') return sequential(config);
  if (topology.class_name === 'Model' || topology.class_name === 'Functional')
    return functional(config);
  return { ok: false, error: `model.json: unsupported model class "${topology.class_name}"` };
}

function sequential(config: unknown): ParseResult<Topology> {
  const list = Array.isArray(config) ? config : isObject(config) ? config.layers : undefined;
  if (!Array.isArray(list) || list.length === 0)
    return { ok: false, error: 'model.json: a Sequential model without layers' };
  const layers: TopologyLayer[] = [];
  for (const [i, raw] of list.entries()) {
    const layer = readLayer(raw, i);
    if (!layer.ok) return layer;
    layers.push(layer.value);
  }
  const first = layers[0]!;
  if (first.className !== 'InputLayer') {
    const taken = new Set(layers.map((l) => l.name));
    let name = 'input';
    for (let k = 2; taken.has(name); k++) name = `input_${k}`;
    // Keras 3 keeps the input shape on the Sequential model (build_input_shape).
    const built = isObject(config) ? config.build_input_shape : undefined;
    const inputConfig = { ...first.config, build_input_shape: built };
    layers.unshift({ name, className: 'InputLayer', config: inputConfig, inputs: [] });
  }
  for (let i = 1; i < layers.length; i++) layers[i]!.inputs = [layers[i - 1]!.name];
  const name = isObject(config) && typeof config.name === 'string' ? config.name : 'sequential';
  return { ok: true, value: { name, layers } };
}

function functional(config: unknown): ParseResult<Topology> {
  if (!isObject(config) || !Array.isArray(config.layers))
    return { ok: false, error: 'model.json: a functional model without layers' };
  const layers: TopologyLayer[] = [];
  for (const [i, raw] of config.layers.entries()) {
    const layer = readLayer(raw, i);
    if (!layer.ok) return layer;
    const inbound = isObject(raw) ? raw.inbound_nodes : undefined;
    const inputs = inboundLayers(inbound);
    if (!inputs.ok) return { ok: false, error: `layer "${layer.value.name}": ${inputs.error}` };
    layers.push({ ...layer.value, inputs: inputs.value });
  }
  const name = typeof config.name === 'string' ? config.name : 'model';
  return { ok: true, value: { name, layers } };
}

function readLayer(raw: unknown, index: number): ParseResult<TopologyLayer> {
  if (!isObject(raw) || typeof raw.class_name !== 'string' || !isObject(raw.config))
    return { ok: false, error: `model.json: layer ${index} has no class_name and config` };
  const name = raw.name ?? raw.config.name;
  if (typeof name !== 'string' || name === '')
    return { ok: false, error: `model.json: layer ${index} (${raw.class_name}) has no name` };
  return { ok: true, value: { name, className: raw.class_name, config: raw.config, inputs: [] } };
}

/** Names of the layers an `inbound_nodes` list reads from; a layer applied twice is refused. */
function inboundLayers(inbound: unknown): ParseResult<string[]> {
  if (inbound === undefined || (Array.isArray(inbound) && inbound.length === 0))
    return { ok: true, value: [] };
  if (!Array.isArray(inbound)) return { ok: false, error: 'inbound_nodes is not a list' };
  if (inbound.length > 1)
    return {
      ok: false,
      error: `shared layers are not supported (applied ${inbound.length} times)`,
    };
  const node = inbound[0];
  // Keras 2 / tfjs: [[name, nodeIndex, tensorIndex, kwargs], …]; Keras 3: {args: [tensor…]}.
  const refs = Array.isArray(node) ? node : isObject(node) ? flatArgs(node.args) : [];
  const names: string[] = [];
  for (const ref of refs) {
    const history = Array.isArray(ref) ? ref : kerasHistory(ref);
    if (!history || typeof history[0] !== 'string')
      return { ok: false, error: 'cannot read inbound_nodes' };
    names.push(history[0]);
  }
  return { ok: true, value: names };
}

function flatArgs(args: unknown): unknown[] {
  if (!Array.isArray(args)) return [];
  return args.flatMap((a) => (Array.isArray(a) ? a : [a]));
}

function kerasHistory(tensor: unknown): unknown[] | undefined {
  if (!isObject(tensor) || !isObject(tensor.config)) return undefined;
  const history = tensor.config.keras_history;
  return Array.isArray(history) ? history : undefined;
}
