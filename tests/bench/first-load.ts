/**
 * What the first screen loads, as the README reports it: the production build opened in
 * Chromium until the default graph's numbers are on screen; every script and stylesheet
 * fetched by then, with its size gzipped at level 9 (how a server would send it), and what
 * follows (the canvas). tests/e2e/first-screen-budget.spec.ts holds the budget in CI. Not a
 * test:
 *
 *   npm run bench:first-load [-- --json]
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.ts';
import {
  firstScreenScriptBytes,
  FIRST_SCREEN_BUDGET_BYTES,
  measureFirstScreen,
  type Loaded,
} from '../e2e/first-screen.ts';

const ROOT = join(import.meta.dirname, '../..');
const PORT = 4173 + Math.floor(Math.random() * 500);

const build = spawnSync('npx', ['vite', 'build'], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) throw new Error('vite build failed');
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
  cwd: ROOT,
  detached: true,
  stdio: 'ignore',
});
try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const loaded = await measureFirstScreen(page, `http://127.0.0.1:${PORT}/`, ROOT);
  await browser.close();
  loaded.sort((a, b) => b.gzip - a.gzip);
  const kb = (n: number) => (n / 1000).toFixed(1);
  const total = (kind: Loaded['kind'], first = true) =>
    loaded.filter((l) => l.kind === kind && l.first === first).reduce((a, l) => a + l.gzip, 0);
  if (process.argv.includes('--json')) console.log(JSON.stringify(loaded, null, 2));
  else {
    console.log('| file | kind | when | bytes | gzip -9 |\n| --- | --- | --- | --- | --- |');
    for (const l of loaded)
      console.log(
        `| ${l.file} | ${l.kind} | ${l.first ? 'first screen' : 'after'} | ${kb(l.bytes)} kB | ${kb(l.gzip)} kB |`,
      );
    console.log(
      `\nUntil the first numbers, gzipped: page scripts ${kb(total('script'))} kB, workers ${kb(total('worker'))} kB (JavaScript ${kb(firstScreenScriptBytes(loaded))} kB of a ${kb(FIRST_SCREEN_BUDGET_BYTES)} kB budget), styles ${kb(total('style'))} kB.` +
        `\nThen the canvas and the rest: scripts ${kb(total('script', false))} kB, styles ${kb(total('style', false))} kB.`,
    );
  }
} finally {
  if (server.pid) process.kill(-server.pid);
}
