import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportKeras } from '../../../src/graph/export-keras.ts';
import { parseGraph, parseGraphText } from '../../../src/graph/parse.ts';
import type { GraphDocument } from '../../../src/graph/types.ts';
import { randomGraph } from './random-graphs.ts';

/**
 * The exported Python compiles (`python3 -m py_compile`; no TensorFlow is imported) and,
 * for a few graphs, equals the golden file in tests/unit/export/golden/ byte for byte.
 * After an intended change to the generator, regenerate the goldens and review the diff:
 *
 *     UPDATE_GOLDEN=1 npx vitest run tests/unit/export/export-keras.test.ts
 */

const GOLDEN_DIR = 'tests/unit/export/golden';
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const TMP = mkdtempSync(join(tmpdir(), 'convflow-keras-'));
const PRESETS = readdirSync('presets').filter((f) => f.endsWith('.json'));

afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function preset(file: string): GraphDocument {
  const parsed = parseGraphText(readFileSync(`presets/${file}`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function keras(doc: GraphDocument): string {
  const code = exportKeras(doc);
  if (!code.ok) throw new Error(`export refused: ${code.error}`);
  return code.value;
}

/**
 * `python3 -m py_compile` on the programs, all in one process (Python's start-up is the slow
 * part); returns its stderr, which names the file that failed (empty when all compile).
 */
function pyCompile(programs: ReadonlyMap<string, string>): string {
  const files = [...programs].map(([name, code]) => {
    const file = join(TMP, `${name}.py`);
    writeFileSync(file, code);
    return file;
  });
  const result = spawnSync('python3', ['-m', 'py_compile', ...files], { encoding: 'utf8' });
  if (result.error) throw result.error;
  return result.status === 0 ? '' : result.stderr || `exit ${result.status}`;
}

function expectGolden(code: string, name: string): void {
  const file = join(GOLDEN_DIR, `${name}.py`);
  if (UPDATE) writeFileSync(file, code);
  expect(code).toBe(readFileSync(file, 'utf8'));
}

/** Input → MaxPool, and Input → Flatten → Dense: two outputs, so the functional API. */
const FAN_OUT = parseGraph({
  format: 'convflow-graph',
  version: 1,
  meta: { title: { en: 'Fan-out: pool and dense' } },
  nodes: [
    { id: 'in', type: 'Input', params: { tensor: { shape: [2, 2, 1], data: [1, -2, 3, 0.5] } } },
    { id: 'pool', type: 'MaxPool', params: { poolSize: [2, 2], padding: 'same' } },
    { id: 'flat', type: 'Flatten' },
    {
      id: 'dense',
      type: 'Dense',
      params: { units: 2, kernel: { init: 'glorotUniform', seed: 1 } },
    },
  ],
  edges: [
    { source: 'in', target: 'pool' },
    { source: 'in', target: 'flat' },
    { source: 'flat', target: 'dense' },
  ],
});

describe('exported Keras code compiles', () => {
  it('every preset and random graphs (seeds 1-3 chains, 101-103 branching)', () => {
    const programs = new Map(PRESETS.map((f) => [f.replace('.json', ''), keras(preset(f))]));
    for (const seed of [1, 2, 3, 101, 102, 103])
      programs.set(`random-${seed}`, keras(randomGraph(seed, seed > 100, 6)));
    expect(programs.size).toBeGreaterThanOrEqual(15);
    expect(pyCompile(programs)).toBe('');
  });

  it('a program with a syntax error is caught (the check is live)', () => {
    expect(pyCompile(new Map([['broken', 'def f(:\n']]))).toMatch(/broken\.py/);
  });
});

describe('exported Keras code matches the golden files', () => {
  it.each(['01-conv-valid', '07-dense', '09-pipeline'])('preset %s', (name) => {
    expectGolden(keras(preset(`${name}.json`)), name);
  });

  it('a fan-out graph uses the functional API', () => {
    if (!FAN_OUT.ok) throw new Error(FAN_OUT.error);
    const code = keras(FAN_OUT.value);
    expect(code).toContain('keras.Model(');
    expectGolden(code, 'fan-out');
  });
});

describe('exportKeras', () => {
  it('writes MaxPool strides as poolSize when omitted, and Dropout with its seed', () => {
    const code = keras(preset('09-pipeline.json'));
    expect(code).toContain('layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid"');
    expect(code).toContain('layers.Dropout(rate=0.5, seed=2, name="dropout")');
    expect(code).toContain("# convflow's mulberry32 mask (seed 2), so only inference matches");
  });

  it('refuses a graph with a node error, naming the node', () => {
    const doc = parseGraph({
      format: 'convflow-graph',
      version: 1,
      nodes: [{ id: 'lonely', type: 'Dense', params: { units: 2 } }],
      edges: [],
    });
    if (!doc.ok) throw new Error(doc.error);
    const code = exportKeras(doc.value);
    expect(!code.ok && code.error).toBe(
      'node "lonely" (Dense): no input: connect an edge into this node',
    );
  });
});
