import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Run `src/cli/main.ts ...args` through tsx's loader, as `npm run cli` does, `input` piped
 * to stdin. `node --import tsx` rather than the `tsx` binary, which would start a second
 * Node process per run. The timeout only turns a hang into a failure instead of a stalled
 * suite: it is generous on purpose and is not a speed check.
 */
export function runCli(args: string[], input?: string): CliResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error && r.signal === null) throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Exit 2, nothing on stdout, one line on stderr without a stack trace; returns that line. */
export function expectRejected(r: CliResult): string {
  expect(r.signal, 'the CLI did not finish').toBeNull();
  expect(r.status, r.stderr.slice(0, 500)).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  const lines = r.stderr.slice(0, -1).split('\n');
  expect(lines, r.stderr.slice(0, 500)).toHaveLength(1);
  const line = lines[0]!;
  expect(line).toMatch(/^convflow: /);
  expect(line).not.toMatch(/\bat .*:\d+:\d+/);
  expect(line.length).toBeLessThan(1000);
  return line;
}
