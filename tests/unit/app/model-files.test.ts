import { describe, expect, it } from 'vitest';
import { plain } from '../helpers.ts';
import {
  importModelText,
  splitModelFiles,
  weightBuffersFor,
} from '../../../src/app/export/model-files.ts';

const MANIFEST = [
  {
    paths: ['shards/group1-shard1of2.bin', 'group1-shard2of2.bin'],
    weights: [
      { name: 'conv/kernel', shape: [1, 1, 1, 1], dtype: 'float32' },
      { name: 'conv/bias', shape: [1], dtype: 'float32' },
    ],
  },
];

function model(extra: object[] = []) {
  return JSON.stringify({
    modelTopology: {
      class_name: 'Sequential',
      config: {
        name: 'm',
        layers: [
          { class_name: 'InputLayer', config: { batch_input_shape: [null, 2, 2, 1], name: 'x' } },
          {
            class_name: 'Conv2D',
            config: { name: 'conv', filters: 1, kernel_size: [1, 1], strides: [1, 1] },
          },
          ...extra,
        ],
      },
    },
    weightsManifest: MANIFEST,
  });
}

const f32 = (...v: number[]) => Float32Array.from(v).buffer;

describe('splitModelFiles', () => {
  it('the first .json is the model, everything else weights', () => {
    const files = [{ name: 'a.bin' }, { name: 'Model.JSON' }, { name: 'b.json' }];
    expect(splitModelFiles(files)).toEqual({
      json: { name: 'Model.JSON' },
      bins: [{ name: 'a.bin' }, { name: 'b.json' }],
    });
    expect(splitModelFiles([{ name: 'a.bin' }]).json).toBeNull();
  });
});

describe('weightBuffersFor', () => {
  it('matches manifest paths to files by file name; leaves out the missing', () => {
    const one = f32(2);
    expect(weightBuffersFor(MANIFEST, [{ name: 'group1-shard1of2.bin', buffer: one }])).toEqual({
      'shards/group1-shard1of2.bin': one,
    });
    expect(weightBuffersFor('nonsense', [{ name: 'x.bin', buffer: one }])).toEqual({});
  });
});

describe('importModelText', () => {
  it('model.json with both shards: the kernel and bias are the stored values', () => {
    const result = importModelText('model.json', model(), [
      { name: 'group1-shard1of2.bin', buffer: f32(2) },
      { name: 'group1-shard2of2.bin', buffer: f32(0.5) },
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result.message));
    const conv = result.doc.nodes.find((n) => n.id === 'conv');
    expect(plain(conv?.type === 'Conv2D' && conv.params.kernel)).toEqual({
      shape: [1, 1, 1, 1],
      data: [2],
    });
    expect(plain(conv?.type === 'Conv2D' && conv.params.bias)).toEqual({ shape: [1], data: [0.5] });
  });

  it('without weight files: initializers, and a graph of 2 nodes', () => {
    const result = importModelText('model.json', model(), []);
    expect(result.ok && result.doc.nodes.map((n) => n.id)).toEqual(['x', 'conv']);
  });

  it('a missing shard, bad JSON and an unsupported layer are refused by name', () => {
    const missing = importModelText('model.json', model(), [
      { name: 'group1-shard1of2.bin', buffer: f32(2) },
    ]);
    expect(!missing.ok && missing.message).toEqual({
      key: 'import.failed',
      params: { name: 'model.json', reason: 'weights: no buffer for "group1-shard2of2.bin"' },
    });
    const bad = importModelText('m.json', '{ nope', []);
    expect(!bad.ok && bad.message.key).toBe('import.badJson');
    const bn = importModelText(
      'm.json',
      model([{ class_name: 'BatchNormalization', config: { name: 'bn' } }]),
      [],
    );
    expect(!bn.ok && String(bn.message.params?.reason)).toMatch(
      /^unsupported layer "bn" \(BatchNormalization\)/,
    );
  });
});
