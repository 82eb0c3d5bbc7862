import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRejected, runCli } from './cli-run.ts';
import { graph, inputNode, tensorValue } from './helpers.ts';

// Hostile sources beyond a malformed document: huge strings, a missing file, a directory.
// Kept apart from cli-hostile.test.ts so the two files run side by side.

const input = inputNode('in', tensorValue([2, 2, 1], [1, 2, 3, 4]));
const MB50 = 50 * 1024 * 1024;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'convflow-cli-sources-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function evalFile(text: string) {
  const path = join(dir, 'doc.json');
  writeFileSync(path, text);
  return runCli(['eval', path]);
}

describe('convflow eval rejects hostile sources with exit 2 and one line', () => {
  it('a 50 MB node id, on stdin', () => {
    const doc = graph([{ ...input, id: 'x'.repeat(MB50) }]);
    const line = expectRejected(runCli(['eval', '-'], JSON.stringify(doc)));
    expect(line).toBe('convflow: nodes[0].id: expected an id of at most 64 characters');
  });

  it('a 50 MB label, in a file', () => {
    const line = expectRejected(
      evalFile(JSON.stringify(graph([{ ...input, label: 'y'.repeat(MB50) }]))),
    );
    expect(line).toBe('convflow: nodes[0].label: expected at most 200 characters');
  });

  it('a missing file', () => {
    const line = expectRejected(runCli(['eval', join(dir, 'no-such-file.json')]));
    expect(line).toMatch(/^convflow: cannot read .*no-such-file\.json: no such file$/);
  });

  it('a directory', () => {
    expect(expectRejected(runCli(['eval', dir]))).toMatch(/is not a file$/);
  });
});
