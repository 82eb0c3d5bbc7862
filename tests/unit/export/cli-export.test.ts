import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportKeras } from '../../../src/graph/export-keras.ts';
import { parseGraphText } from '../../../src/graph/parse.ts';

/**
 * `convflow export keras|tfjs FILE`, run through tsx as `npm run cli` runs it. Each start-up
 * is slow, so only the exit codes and streams are checked here; the code is tested in-process.
 */

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const TMP = mkdtempSync(join(tmpdir(), 'convflow-cli-export-'));
const BROKEN = join(TMP, 'broken.json');
const INVALID = join(TMP, 'invalid.json');
const runs = new Map<string, Run>();

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'src/cli/main.ts', ...args],
      { encoding: 'utf8' },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stdout, stderr }),
    );
  });
}

const CASES: Record<string, string[]> = {
  keras: ['export', 'keras', 'presets/09-pipeline.json'],
  broken: ['export', 'tfjs', BROKEN],
  invalid: ['export', 'keras', INVALID],
};

beforeAll(async () => {
  const broken = {
    format: 'convflow-graph',
    version: 1,
    nodes: [
      { id: 'in', type: 'Input', params: { tensor: { shape: [2, 2, 1], data: [1, 2, 3, 4] } } },
      { id: 'conv', type: 'Conv2D', params: { filters: 1, kernelSize: [3, 3] } },
    ],
    edges: [{ source: 'in', target: 'conv' }],
  };
  writeFileSync(BROKEN, JSON.stringify(broken));
  writeFileSync(INVALID, JSON.stringify({ ...broken, version: 2 }));
  // Each tsx start-up takes a while: run them side by side.
  const results = await Promise.all(Object.values(CASES).map(cli));
  Object.keys(CASES).forEach((name, i) => runs.set(name, results[i]!));
}, 60_000);

afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function presetDoc(file: string) {
  const parsed = parseGraphText(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

describe('convflow export', () => {
  it('export keras FILE prints the Keras program, exit 0', () => {
    const run = runs.get('keras')!;
    const expected = exportKeras(presetDoc('presets/09-pipeline.json'));
    expect(run).toEqual({ code: 0, stdout: expected.ok && expected.value, stderr: '' });
  });

  it('a node error: exit 1, one line naming the node', () => {
    const run = runs.get('broken')!;
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^convflow: cannot export: node "conv" \(Conv2D\): [^\n]+\n$/);
  });

  it('an invalid document: exit 2, one line', () => {
    const run = runs.get('invalid')!;
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^convflow: version: expected 1[^\n]*\n$/);
  });
});
