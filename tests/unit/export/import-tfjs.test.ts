import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { layerNames } from '../../../src/graph/export-format.ts';
import { importTfjsModel } from '../../../src/graph/import-tfjs.ts';
import { parseGraphText } from '../../../src/graph/parse.ts';
import type { GraphDocument } from '../../../src/graph/types.ts';
import { randomGraph } from './random-graphs.ts';
import {
  cleanUp,
  engineOutputs,
  exportAndImport,
  expectSameOutputs,
  loadTf,
  type SavedArtifacts,
} from './tfjs-runner.ts';

/**
 * Round trip: export tfjs code → build the model with tfjs-layers in Node → `model.save`
 * to a save handler (model.json + weights) → import → the imported graph, given the
 * original Input tensors, evaluates to the same outputs at every node.
 */

const PRESETS = readdirSync('presets').filter((f) => f.endsWith('.json'));

afterAll(cleanUp);

function preset(file: string): GraphDocument {
  const parsed = parseGraphText(readFileSync(`presets/${file}`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** model.json (parsed) and its one weights file, as tfjs-layers saves the exported model. */
async function savedModel(doc: GraphDocument): Promise<{ modelJson: unknown; bin: ArrayBuffer }> {
  const tf = await loadTf();
  const model = (await exportAndImport(doc)).buildModel() as {
    save(handler: unknown): Promise<unknown>;
  };
  let saved: SavedArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const { modelTopology, weightSpecs, weightData } = saved!;
  const modelJson = {
    format: 'layers-model',
    modelTopology,
    weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: weightSpecs }],
  };
  const bin = Array.isArray(weightData) ? concat(weightData) : weightData;
  return { modelJson: JSON.parse(JSON.stringify(modelJson)), bin };
}

function concat(parts: readonly ArrayBuffer[]): ArrayBuffer {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p), at);
    at += p.byteLength;
  }
  return out.buffer;
}

/** The imported graph with the original Input tensors put back (the import gives zeros). */
function withInputs(imported: GraphDocument, original: GraphDocument, names: Map<string, string>) {
  const nodes = imported.nodes.map((n) => {
    const source = original.nodes.find((o) => names.get(o.id) === n.id);
    return n.type === 'Input' && source?.type === 'Input'
      ? { ...n, params: { tensor: source.params.tensor } }
      : n;
  });
  return { ...imported, nodes };
}

async function expectRoundTrip(doc: GraphDocument): Promise<void> {
  const { modelJson, bin } = await savedModel(doc);
  const imported = importTfjsModel(modelJson, { 'group1-shard1of1.bin': bin });
  if (!imported.ok) throw new Error(imported.error);
  const names = new Map(
    layerNames(doc.nodes.map((n) => n.id)).map((n, i) => [doc.nodes[i]!.id, n]),
  );
  expect(imported.value.nodes.map((n) => n.id).sort()).toEqual([...names.values()].sort());
  for (const n of imported.value.nodes)
    if (n.type === 'Input') expect(n.params.tensor.data.every((v) => v === 0)).toBe(true);
  const expected = engineOutputs(doc);
  const actual = engineOutputs(withInputs(imported.value, doc, names));
  const renamed = new Map([...expected].map(([id, t]) => [names.get(id)!, t]));
  const asRecord = Object.fromEntries(
    [...actual].map(([id, t]) => [id, { shape: [...t.shape], data: Array.from(t.data) }]),
  );
  expectSameOutputs(asRecord, renamed, [...renamed.keys()], 1e-5);
}

describe('export → tfjs-layers save → import gives the same graph', () => {
  it.each(PRESETS)('preset %s', async (file) => {
    await expectRoundTrip(preset(file));
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('random chain, seed %i', async (seed) => {
    await expectRoundTrip(randomGraph(seed, false));
  });

  it.each([101, 102, 103, 104, 105, 106])('random branching graph, seed %i', async (seed) => {
    await expectRoundTrip(randomGraph(seed, true, 6));
  });

  it('a topology-only import gets seeded initializers and the same layer settings', async () => {
    const doc = preset('09-pipeline.json');
    const { modelJson } = await savedModel(doc);
    const imported = importTfjsModel(modelJson);
    if (!imported.ok) throw new Error(imported.error);
    const conv = imported.value.nodes.find((n) => n.id === 'conv');
    expect(conv?.type === 'Conv2D' && conv.params).toMatchObject({
      filters: 2,
      kernelSize: [3, 3],
      activation: 'relu',
      useBias: false,
      kernel: { init: 'glorotUniform', seed: 0 },
    });
    // tfjs's default kernel initializer is VarianceScaling (normal): convflow has no such one.
    expect(imported.notes.some((n) => n.includes('VarianceScaling'))).toBe(true);
    const xs = imported.value.nodes.map((n) => n.position.x);
    expect(new Set(xs).size).toBe(doc.nodes.length);
  });
});
