import { ACTIVATIONS, PADDINGS } from './schema.ts';
import type { TopologyLayer } from './tfjs-topology.ts';
import type { Initializer, NodeType } from './types.ts';

/** What one Keras / TensorFlow.js layer becomes in a graph document. */
export type LayerConversion =
  | { kind: 'input'; shape: number[] }
  | { kind: 'node'; type: Exclude<NodeType, 'Input'>; params: Record<string, unknown> }
  /** An Activation layer: folded into the Conv2D or Dense before it, or dropped if linear. */
  | { kind: 'activation'; activation: string }
  | { kind: 'error'; error: string };

/** The layer classes an import understands, for the message naming one it does not. */
export const SUPPORTED_LAYERS =
  'convflow supports InputLayer, Conv2D, MaxPooling2D, Flatten (or a Reshape to one axis), Dense, Dropout, and an Activation right after a Conv2D or Dense';

type Config = Record<string, unknown>;
class Unsupported extends Error {}

/**
 * Convert one layer's config. Kernels and biases come back as seeded initializers mapped
 * from the layer's own (a note explains any that convflow cannot reproduce); the importer
 * replaces them with the stored values when the weights are given.
 */
export function convertLayer(layer: TopologyLayer, notes: string[]): LayerConversion {
  const where = `layer "${layer.name}" (${layer.className})`;
  try {
    return convert(layer, (m) => notes.push(`${where}: ${m}`));
  } catch (e) {
    if (e instanceof Unsupported) return { kind: 'error', error: `${where}: ${e.message}` };
    throw e;
  }
}

/** The conversion by class; throws Unsupported for a setting convflow lacks. */
function convert(layer: TopologyLayer, note: (m: string) => void): LayerConversion {
  const c = layer.config;
  const node = (type: Exclude<NodeType, 'Input'>, params: Record<string, unknown>) =>
    ({ kind: 'node', type, params }) as const;
  switch (layer.className) {
    case 'InputLayer':
      return { kind: 'input', shape: inputShape(c) };
    case 'Conv2D':
    case 'Convolution2D':
      return node('Conv2D', conv2d(c, note));
    case 'MaxPooling2D':
    case 'MaxPool2D':
      return node('MaxPool', maxPool(c));
    case 'Flatten':
      channelsLast(c);
      return node('Flatten', {});
    case 'Reshape':
      return node('Flatten', flatReshape(c));
    case 'Dense':
      return node('Dense', dense(c, note));
    case 'Dropout':
      return node('Dropout', dropout(c));
    case 'Activation':
      return { kind: 'activation', activation: activation(c.activation) };
    default:
      return {
        kind: 'error',
        error: `unsupported layer "${layer.name}" (${layer.className}); ${SUPPORTED_LAYERS}`,
      };
  }
}

function conv2d(c: Config, note: (m: string) => void): Record<string, unknown> {
  channelsLast(c);
  if (c.dilation_rate !== undefined && pair(c.dilation_rate, 'dilation_rate').some((d) => d !== 1))
    throw new Unsupported(
      `dilation_rate ${JSON.stringify(c.dilation_rate)} is not supported (convflow has no dilation)`,
    );
  if (c.groups !== undefined && c.groups !== 1)
    throw new Unsupported('grouped convolution is not supported');
  return {
    filters: c.filters,
    kernelSize: pair(c.kernel_size, 'kernel_size'),
    strides: c.strides === undefined ? [1, 1] : pair(c.strides, 'strides'),
    padding: padding(c.padding),
    activation: activation(c.activation),
    useBias: c.use_bias ?? true,
    kernel: initializer(c.kernel_initializer, 'glorotUniform', 'kernel_initializer', note),
    bias: initializer(c.bias_initializer, 'zeros', 'bias_initializer', note),
  };
}

function maxPool(c: Config): Record<string, unknown> {
  channelsLast(c);
  const poolSize = c.pool_size === undefined ? [2, 2] : pair(c.pool_size, 'pool_size');
  const params: Record<string, unknown> = { poolSize, padding: padding(c.padding) };
  if (c.strides !== undefined && c.strides !== null) params.strides = pair(c.strides, 'strides');
  return params;
}

function dense(c: Config, note: (m: string) => void): Record<string, unknown> {
  return {
    units: c.units,
    activation: activation(c.activation),
    useBias: c.use_bias ?? true,
    kernel: initializer(c.kernel_initializer, 'glorotUniform', 'kernel_initializer', note),
    bias: initializer(c.bias_initializer, 'zeros', 'bias_initializer', note),
  };
}

function dropout(c: Config): Record<string, unknown> {
  if (c.noise_shape !== undefined && c.noise_shape !== null)
    throw new Unsupported('noise_shape is not supported');
  const seed = Number.isInteger(c.seed) ? c.seed : 0;
  return { rate: c.rate, training: false, seed };
}

/** A Reshape to one axis is a Flatten (the exporter writes rank-1 Flatten so for tfjs). */
function flatReshape(c: Config): Record<string, unknown> {
  const target = c.target_shape;
  if (!Array.isArray(target) || target.length !== 1)
    throw new Unsupported(
      `target_shape ${JSON.stringify(target)} is not supported: convflow reshapes only to one axis (Flatten)`,
    );
  return {};
}

/** `[H, W, C]` from `batch_input_shape` (tfjs, Keras 2), `batch_shape` (Keras 3) or the model's build shape. */
function inputShape(c: Config): number[] {
  const batch = c.batch_input_shape ?? c.batch_shape ?? c.build_input_shape;
  if (!Array.isArray(batch)) throw new Unsupported('no input shape (batch_input_shape) is given');
  const shape = batch.slice(1);
  if (shape.length !== 3 || !shape.every((n) => Number.isInteger(n) && n > 0))
    throw new Unsupported(
      `input shape ${JSON.stringify(batch)} is not supported: convflow inputs are images [H, W, C] of known size`,
    );
  return shape as number[];
}

function activation(v: unknown): string {
  const name = v === undefined || v === null ? 'linear' : v;
  if (typeof name !== 'string' || !(ACTIVATIONS as readonly string[]).includes(name))
    throw new Unsupported(
      `activation ${JSON.stringify(name)} is not supported; convflow has ${ACTIVATIONS.join(', ')}`,
    );
  return name;
}

function padding(v: unknown): string {
  const p = v ?? 'valid';
  if (typeof p !== 'string' || !(PADDINGS as readonly string[]).includes(p))
    throw new Unsupported(`padding ${JSON.stringify(p)} is not supported`);
  return p;
}

function channelsLast(c: Config): void {
  const f = c.data_format;
  if (f !== undefined && f !== null && f !== 'channels_last')
    throw new Unsupported(
      `data_format ${JSON.stringify(f)} is not supported (convflow is channels_last)`,
    );
}

function pair(v: unknown, name: string): [number, number] {
  if (Number.isInteger(v)) return [v as number, v as number];
  if (Array.isArray(v) && v.length === 2 && v.every(Number.isInteger)) return [v[0], v[1]];
  throw new Unsupported(`${name} ${JSON.stringify(v)} is not a pair of integers`);
}

/** convflow's initializer for a Keras one; one it cannot reproduce falls back, with a note. */
function initializer(
  v: unknown,
  fallback: Initializer['init'],
  name: string,
  note: (m: string) => void,
): Initializer {
  const spec = (typeof v === 'object' && v !== null ? v : {}) as {
    class_name?: unknown;
    config?: Config;
  };
  const c = spec.config ?? {};
  const seed = Number.isInteger(c.seed) && (c.seed as number) >= 0 ? (c.seed as number) : 0;
  const vs = spec.class_name === 'VarianceScaling' && c.distribution === 'uniform';
  if (spec.class_name === 'GlorotUniform' || (vs && c.scale === 1 && c.mode === 'fan_avg'))
    return { init: 'glorotUniform', seed };
  if (spec.class_name === 'HeUniform' || (vs && c.scale === 2 && c.mode === 'fan_in'))
    return { init: 'heUniform', seed };
  if (spec.class_name === 'Zeros') return { init: 'zeros', seed: 0 };
  if (spec.class_name === 'Ones') return { init: 'ones', seed: 0 };
  if (v !== undefined && v !== null)
    note(`${name} ${String(spec.class_name)} has no convflow equivalent; using ${fallback}`);
  return { init: fallback, seed: 0 };
}
