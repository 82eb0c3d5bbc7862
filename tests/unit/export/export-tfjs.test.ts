import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { exportTfjs } from '../../../src/graph/export-tfjs.ts';
import { parseGraph, parseGraphText } from '../../../src/graph/parse.ts';
import type { GraphDocument } from '../../../src/graph/types.ts';
import { randomGraph } from './random-graphs.ts';
import { cleanUp, engineOutputs, exportAndImport, expectSameOutputs } from './tfjs-runner.ts';

/**
 * The exported TensorFlow.js module, run in Node with tfjs-layers on the CPU backend, gives
 * the engine's outputs (in inference mode: see tfjs-runner.ts) within 1e-4.
 */

const PRESETS = readdirSync('presets').filter((f) => f.endsWith('.json'));

function preset(file: string): GraphDocument {
  const parsed = parseGraphText(readFileSync(`presets/${file}`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

async function expectRunsLikeEngine(doc: GraphDocument): Promise<string[]> {
  const module = await exportAndImport(doc);
  const outputs = await module.run();
  expectSameOutputs(outputs, engineOutputs(doc), module.OUTPUT_IDS);
  return module.OUTPUT_IDS;
}

afterAll(cleanUp);

describe('exported TensorFlow.js code gives the engine outputs', () => {
  it('finds the presets', () => expect(PRESETS.length).toBeGreaterThanOrEqual(9));

  it.each(PRESETS)('preset %s', async (file) => {
    await expectRunsLikeEngine(preset(file));
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('random chain, seed %i', async (seed) => {
    const doc = randomGraph(seed, false);
    const code = exportTfjs(doc);
    expect(code.ok && code.value).toContain('tf.sequential(');
    await expectRunsLikeEngine(doc);
  });

  it.each([101, 102, 103, 104, 105, 106])('random branching graph, seed %i', async (seed) => {
    const doc = randomGraph(seed, true, 6);
    await expectRunsLikeEngine(doc);
  });
});

describe('exportTfjs', () => {
  it('uses the functional API for fan-out: every leaf is an output', async () => {
    const doc = parsed({
      nodes: [
        input('in', [4, 4, 1]),
        { id: 'pool', type: 'MaxPool', params: { poolSize: [2, 2] } },
        { id: 'flat', type: 'Flatten' },
        {
          id: 'dense',
          type: 'Dense',
          params: { units: 2, kernel: { init: 'heUniform', seed: 3 } },
        },
      ],
      edges: [
        ['in', 'pool'],
        ['in', 'flat'],
        ['flat', 'dense'],
      ],
    });
    const code = exportTfjs(doc);
    expect(code.ok && code.value).toContain('tf.model({');
    expect(await expectRunsLikeEngine(doc)).toEqual(['pool', 'dense']);
  });

  it('keys outputs by node id when ids are not identifiers ("conv 1", "__proto__")', async () => {
    const doc = parsed({
      nodes: [
        input('in put', [3, 3, 1]),
        { id: 'conv 1', type: 'Conv2D', params: { filters: 1, kernelSize: [2, 2] } },
        { id: '__proto__', type: 'Flatten' },
      ],
      edges: [
        ['in put', 'conv 1'],
        ['in put', '__proto__'],
      ],
    });
    const code = exportTfjs(doc);
    expect(code.ok && code.value).toContain('name: "conv_1"');
    expect(code.ok && code.value).toContain('// node "conv 1"');
    expect(await expectRunsLikeEngine(doc)).toEqual(['conv 1', '__proto__']);
  });

  it('exports a lone Input as a model that returns its tensor', async () => {
    const doc = parsed({ nodes: [input('in', [2, 2, 1])], edges: [] });
    expect(await expectRunsLikeEngine(doc)).toEqual(['in']);
  });

  it('refuses a graph with a node error, naming the first broken node', () => {
    const doc = parsed({
      nodes: [
        input('in', [2, 2, 1]),
        { id: 'big', type: 'Conv2D', params: { filters: 1, kernelSize: [3, 3] } },
        { id: 'after', type: 'Flatten' },
      ],
      edges: [
        ['in', 'big'],
        ['big', 'after'],
      ],
    });
    const code = exportTfjs(doc);
    expect(code.ok).toBe(false);
    expect(!code.ok && code.error).toMatch(/^node "big" \(Conv2D\): .*larger than/);
  });

  it('refuses an empty graph', () => {
    const code = exportTfjs(parsed({ nodes: [], edges: [] }));
    expect(!code.ok && code.error).toBe('the graph is empty: nothing to export');
  });
});

function input(id: string, shape: number[]) {
  const size = shape.reduce((a, b) => a * b, 1);
  const data = Array.from({ length: size }, (_, i) => ((i * 7) % 11) / 10 - 0.4);
  return { id, type: 'Input', params: { tensor: { shape, data } } };
}

function parsed(g: { nodes: object[]; edges: [string, string][] }): GraphDocument {
  const doc = parseGraph({
    format: 'convflow-graph',
    version: 1,
    nodes: g.nodes,
    edges: g.edges.map(([source, target]) => ({ source, target })),
  });
  if (!doc.ok) throw new Error(doc.error);
  return doc.value;
}
