import { describe, expect, it } from 'vitest';
import { plain } from '../helpers.ts';
import { importTfjsModel, type TfjsImportResult } from '../../../src/graph/import-tfjs.ts';
import type { GraphDocument } from '../../../src/graph/types.ts';

/**
 * model.json files written by hand in the layouts tfjs, Keras 2 and Keras 3 use, and each
 * way an import is refused.
 */

type Layer = { class_name: string; config: Record<string, unknown>; name?: string };

const input = (shape: unknown[], name = 'input_1'): Layer => ({
  class_name: 'InputLayer',
  config: { batch_input_shape: [null, ...shape], dtype: 'float32', name },
});
const conv = (name: string, extra: Record<string, unknown> = {}): Layer => ({
  class_name: 'Conv2D',
  config: { name, filters: 2, kernel_size: [3, 3], strides: [1, 1], padding: 'valid', ...extra },
});
const act = (name: string, activation: string): Layer => ({
  class_name: 'Activation',
  config: { name, activation },
});
const layer = (class_name: string, name: string, config: Record<string, unknown> = {}): Layer => ({
  class_name,
  config: { name, ...config },
});

function sequential(...layers: Layer[]) {
  return { modelTopology: { class_name: 'Sequential', config: { name: 'seq', layers } } };
}

/** A Keras 2 / tfjs functional model: each layer after the first reads from `from[name]`. */
function functional(layers: Layer[], from: Record<string, string | string[]>) {
  const withInbound = layers.map((l) => {
    const sources = from[l.config.name as string];
    const list = sources === undefined ? [] : Array.isArray(sources) ? sources : [sources];
    const inbound = list.length === 0 ? [] : [list.map((s) => [s, 0, 0, {}])];
    return { ...l, name: l.config.name, inbound_nodes: inbound };
  });
  return { modelTopology: { class_name: 'Model', config: { name: 'fn', layers: withInbound } } };
}

function ok(result: TfjsImportResult): GraphDocument {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
const error = (result: TfjsImportResult) => (result.ok ? 'imported' : result.error);
const edges = (doc: GraphDocument) => doc.edges.map((e) => `${e.source}->${e.target}`);

describe('importTfjsModel: layouts', () => {
  it('Keras 2 Sequential without an InputLayer: the input comes from batch_input_shape', () => {
    const first = conv('conv', { batch_input_shape: [null, 5, 5, 1] });
    const doc = ok(importTfjsModel(sequential(first, layer('Flatten', 'flat'))));
    const [inNode] = doc.nodes;
    expect(inNode).toMatchObject({ id: 'input', type: 'Input', position: { x: 0, y: 0 } });
    expect(plain(inNode?.type === 'Input' && inNode.params.tensor)).toEqual({
      shape: [5, 5, 1],
      data: new Array(25).fill(0),
    });
    expect(edges(doc)).toEqual(['input->conv', 'conv->flat']);
    expect(doc.nodes.map((n) => n.position.x)).toEqual([0, 320, 640]);
  });

  it('Keras 2 config as a bare list of layers, inside model_config', () => {
    const json = {
      modelTopology: {
        model_config: {
          class_name: 'Sequential',
          config: [input([4, 4, 3]), layer('Flatten', 'f')],
        },
      },
    };
    expect(edges(ok(importTfjsModel(json)))).toEqual(['input_1->f']);
  });

  it('Keras 3 functional: batch_shape and keras_history', () => {
    const tensorFrom = (name: string) => ({
      class_name: '__keras_tensor__',
      config: { shape: [null, 4, 4, 1], dtype: 'float32', keras_history: [name, 0, 0] },
    });
    const layers = [
      {
        ...layer('InputLayer', 'img', { batch_shape: [null, 4, 4, 1] }),
        name: 'img',
        inbound_nodes: [],
      },
      {
        ...layer('MaxPooling2D', 'pool', { pool_size: [2, 2], strides: null }),
        name: 'pool',
        inbound_nodes: [{ args: [tensorFrom('img')], kwargs: {} }],
      },
      {
        ...layer('Flatten', 'flat'),
        name: 'flat',
        inbound_nodes: [{ args: [tensorFrom('img')], kwargs: {} }],
      },
    ];
    const json = { modelTopology: { class_name: 'Functional', config: { name: 'k3', layers } } };
    const doc = ok(importTfjsModel(json));
    expect(edges(doc)).toEqual(['img->pool', 'img->flat']);
    expect(doc.nodes.map((n) => n.position)).toEqual([
      { x: 0, y: 0 },
      { x: 320, y: 0 },
      { x: 320, y: 240 },
    ]);
  });

  it('an Activation right after a Conv2D folds into it; a linear one is dropped', () => {
    const json = sequential(
      input([5, 5, 1]),
      conv('conv'),
      act('act', 'relu'),
      act('lin', 'linear'),
      layer('Flatten', 'flat'),
    );
    const doc = ok(importTfjsModel(json));
    expect(edges(doc)).toEqual(['input_1->conv', 'conv->flat']);
    const c = doc.nodes.find((n) => n.id === 'conv');
    expect(c?.type === 'Conv2D' && c.params.activation).toBe('relu');
  });

  it('Dense and Dropout settings carry over; Dropout imports in inference mode', () => {
    const json = sequential(
      input([1, 1, 3]),
      layer('Dense', 'd', { units: 4, activation: 'softmax', use_bias: false }),
      layer('Dropout', 'drop', { rate: 0.25, seed: 9 }),
    );
    const doc = ok(importTfjsModel(json));
    expect(doc.nodes[1]).toMatchObject({
      type: 'Dense',
      params: { units: 4, activation: 'softmax', useBias: false },
    });
    expect(doc.nodes[2]).toMatchObject({
      type: 'Dropout',
      params: { rate: 0.25, seed: 9, training: false },
    });
  });
});

describe('importTfjsModel: refusals name the layer', () => {
  it('an unsupported layer', () => {
    const json = sequential(input([4, 4, 1]), layer('BatchNormalization', 'batch_normalization_1'));
    expect(error(importTfjsModel(json))).toBe(
      'unsupported layer "batch_normalization_1" (BatchNormalization); convflow supports InputLayer, Conv2D, MaxPooling2D, Flatten (or a Reshape to one axis), Dense, Dropout, and an Activation right after a Conv2D or Dense',
    );
  });

  it('an Activation after a MaxPooling2D', () => {
    const json = sequential(input([4, 4, 1]), layer('MaxPooling2D', 'pool'), act('act', 'relu'));
    expect(error(importTfjsModel(json))).toMatch(
      /^unsupported layer "act" \(Activation "relu" after MaxPool "pool"\)/,
    );
  });

  it('an Activation after a Conv2D that another layer also reads', () => {
    const json = functional(
      [input([5, 5, 1]), conv('conv'), act('act', 'relu'), layer('Flatten', 'f')],
      {
        conv: 'input_1',
        act: 'conv',
        f: 'conv',
      },
    );
    expect(error(importTfjsModel(json))).toMatch(
      /^unsupported layer "act" \(Activation "relu" after Conv2D "conv"\)/,
    );
  });

  it.each([
    [
      'an input of rank 1',
      sequential(input([784])),
      /^layer "input_1" \(InputLayer\): input shape \[null,784\] is not supported/,
    ],
    [
      'an unknown input size',
      sequential(input([null, null, 3])),
      /input shape \[null,null,null,3\] is not supported/,
    ],
    [
      'channels_first',
      sequential(input([1, 5, 5]), conv('c', { data_format: 'channels_first' })),
      /^layer "c" \(Conv2D\): data_format "channels_first" is not supported/,
    ],
    [
      'a dilated convolution',
      sequential(input([5, 5, 1]), conv('c', { dilation_rate: [2, 2] })),
      /^layer "c" \(Conv2D\): dilation_rate \[2,2\] is not supported/,
    ],
    [
      'an activation convflow lacks',
      sequential(input([5, 5, 1]), conv('c', { activation: 'elu' })),
      /^layer "c" \(Conv2D\): activation "elu" is not supported; convflow has linear, relu, sigmoid, tanh, softmax$/,
    ],
    [
      'a Reshape to two axes',
      sequential(input([2, 2, 1]), layer('Reshape', 'r', { target_shape: [2, 2] })),
      /^layer "r" \(Reshape\): target_shape \[2,2\] is not supported/,
    ],
    [
      'filters over the limit',
      sequential(input([5, 5, 1]), conv('c', { filters: 5000 })),
      /^the imported graph is invalid: nodes\[1\]\.params\.filters: expected an integer from 1 to 1024/,
    ],
    ['not an object', 'model', /^model.json: expected a JSON object$/],
    [
      'an unknown model class',
      { modelTopology: { class_name: 'Graph', config: {} } },
      /unsupported model class "Graph"/,
    ],
  ])('%s', (_what, json, message) => {
    expect(error(importTfjsModel(json))).toMatch(message);
  });

  it('a shared layer (applied twice)', () => {
    const json = functional([input([2, 2, 1]), layer('Flatten', 'f')], { f: 'input_1' });
    const f = json.modelTopology.config.layers[1]!;
    f.inbound_nodes = [...f.inbound_nodes, ...f.inbound_nodes];
    expect(error(importTfjsModel(json))).toBe(
      'layer "f": shared layers are not supported (applied 2 times)',
    );
  });

  it('a merge layer with two inputs', () => {
    const json = functional([input([2, 2, 1]), layer('Add', 'sum')], {
      sum: ['input_1', 'input_1'],
    });
    expect(error(importTfjsModel(json))).toMatch(/^unsupported layer "sum" \(Add\)/);
  });
});

describe('importTfjsModel: weights', () => {
  const model = (dtype = 'float32', quantization?: object) => ({
    ...sequential(input([1, 1, 2]), layer('Dense', 'd', { units: 1 })),
    weightsManifest: [
      {
        paths: ['a.bin', 'b.bin'],
        weights: [
          { name: 'd/kernel', shape: [2, 1], dtype, ...(quantization ? { quantization } : {}) },
          { name: 'd/bias', shape: [1], dtype, ...(quantization ? { quantization } : {}) },
        ],
      },
    ],
  });
  const f32 = (...v: number[]) => new Float32Array(v).buffer;

  it('shards of a group are concatenated; by path or as a list', () => {
    for (const buffers of [{ 'a.bin': f32(0.5, -2), 'b.bin': f32(3) }, [f32(0.5, -2), f32(3)]]) {
      const d = ok(importTfjsModel(model(), buffers)).nodes[1];
      expect(plain(d?.type === 'Dense' && [d.params.kernel, d.params.bias])).toEqual([
        { shape: [2, 1], data: [0.5, -2] },
        { shape: [1], data: [3] },
      ]);
    }
  });

  it('uint8 affine quantization and float16', () => {
    const q = importTfjsModel(model('float32', { dtype: 'uint8', scale: 0.5, min: -1 }), [
      new Uint8Array([0, 4]).buffer,
      new Uint8Array([3]).buffer,
    ]);
    const d = ok(q).nodes[1];
    expect(plain(d?.type === 'Dense' && d.params.kernel)).toEqual({ shape: [2, 1], data: [-1, 1] });
    // 0x3c00 = 1, 0xc000 = -2, 0x3800 = 0.5
    const h = importTfjsModel(model('float32', { dtype: 'float16' }), [
      new Uint16Array([0x3c00, 0xc000]).buffer,
      new Uint16Array([0x3800]).buffer,
    ]);
    const d16 = ok(h).nodes[1];
    expect(plain(d16?.type === 'Dense' && [d16.params.kernel, d16.params.bias])).toEqual([
      { shape: [2, 1], data: [1, -2] },
      { shape: [1], data: [0.5] },
    ]);
  });

  it.each([
    ['a missing file', { 'a.bin': f32(1, 2) }, 'weights: no buffer for "b.bin"'],
    [
      'files too short',
      { 'a.bin': f32(1), 'b.bin': f32(2) },
      'weight group 1: its files hold 8 bytes, fewer than the manifest describes',
    ],
  ])('%s', (_what, buffers, message) => {
    expect(error(importTfjsModel(model(), buffers))).toBe(message);
  });

  it('a layer whose kernel the manifest lacks', () => {
    const json = model();
    json.weightsManifest[0]!.weights[0]!.name = 'other/kernel';
    expect(error(importTfjsModel(json, [f32(1, 2), f32(3)]))).toBe(
      'layer "d" (Dense): no kernel in the weights manifest',
    );
  });

  it('an int32 weight', () => {
    expect(error(importTfjsModel(model('int32'), [f32(1, 2), f32(3)]))).toBe(
      'weight "d/kernel": dtype int32 is not supported',
    );
  });
});
