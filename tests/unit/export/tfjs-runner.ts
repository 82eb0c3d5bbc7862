import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { EngineSession } from '../../../src/engine/session.ts';
import type { Tensor } from '../../../src/engine/tensor.ts';
import { exportTfjs } from '../../../src/graph/export-tfjs.ts';
import type { GraphDocument } from '../../../src/graph/types.ts';

/**
 * Runs generated TensorFlow.js modules in Node. The module and a `tf` shim (tfjs-core,
 * tfjs-layers and the CPU backend: the parts of `@tensorflow/tfjs` the code uses) are
 * written under node_modules/.tmp so that Node resolves the packages from the project, and
 * imported natively, sharing one tfjs instance with the tests.
 */
const DIR = resolve('node_modules/.tmp', `convflow-export-${process.pid}`);
const SHIM = `import * as core from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
export * from '@tensorflow/tfjs-core';
export * from '@tensorflow/tfjs-layers';
core.env().set('IS_TEST', true); // as tfjs's own tests: no Node.js banner
await core.setBackend('cpu');
`;
let count = 0;

/** What a generated module exports. */
export interface GeneratedModule {
  OUTPUT_IDS: string[];
  buildModel(): unknown;
  inputTensors(): unknown[];
  run(): Promise<Record<string, { shape: number[]; data: number[] }>>;
}

/** The shim's `tf` namespace: tfjs-core and tfjs-layers, the same instance the modules use. */
export async function loadTf(): Promise<TfShim> {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(join(DIR, 'tf.mjs'), SHIM);
  return (await import(/* @vite-ignore */ pathToFileURL(join(DIR, 'tf.mjs')).href)) as TfShim;
}

/** The parts of tfjs the round-trip test uses. */
export interface TfShim {
  io: {
    withSaveHandler(
      save: (artifacts: SavedArtifacts) => Promise<{ modelArtifactsInfo: object }>,
    ): unknown;
  };
}

/** What `model.save` hands a save handler. */
export interface SavedArtifacts {
  modelTopology: object;
  weightSpecs: object[];
  weightData: ArrayBuffer | ArrayBuffer[];
}

/** Write the code as a module (importing `tf` from the shim) and import it. */
export async function importGenerated(code: string): Promise<GeneratedModule> {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(join(DIR, 'tf.mjs'), SHIM);
  const file = join(DIR, `model-${++count}.mjs`);
  writeFileSync(file, code);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as GeneratedModule;
}

/** Remove the temporary modules. */
export function cleanUp(): void {
  rmSync(DIR, { recursive: true, force: true });
}

/** Export the graph as TensorFlow.js code and import it; the export must succeed. */
export async function exportAndImport(doc: GraphDocument): Promise<GeneratedModule> {
  const code = exportTfjs(doc, { tfjsModule: './tf.mjs' });
  if (!code.ok) throw new Error(`export refused: ${code.error}`);
  return importGenerated(code.value);
}

/**
 * The engine's outputs in inference mode: every Dropout's `training` is turned off, since
 * the exported model matches convflow only there (its training masks come from tfjs's RNG).
 */
export function engineOutputs(doc: GraphDocument): Map<string, Tensor> {
  const nodes = doc.nodes.map((n) =>
    n.type === 'Dropout' ? { ...n, params: { ...n.params, training: false } } : n,
  );
  const session = new EngineSession();
  session.load({ ...doc, nodes });
  const report = session.evaluate();
  expect([...report.errors]).toEqual([]);
  return report.outputs;
}

/** Every output of `run()` equals the engine's output of that node within `tolerance`. */
export function expectSameOutputs(
  actual: Record<string, { shape: number[]; data: number[] }>,
  expected: ReadonlyMap<string, Tensor>,
  outputIds: readonly string[],
  tolerance = 1e-4,
): void {
  expect(Object.keys(actual).sort()).toEqual([...outputIds].sort());
  for (const id of outputIds) {
    const want = expected.get(id)!;
    const got = actual[id]!;
    expect(got.shape, `shape of "${id}"`).toEqual([...want.shape]);
    const worst = got.data.reduce((m, v, i) => Math.max(m, Math.abs(v - want.data[i]!)), 0);
    expect(worst, `largest difference in "${id}"`).toBeLessThanOrEqual(tolerance);
  }
}
