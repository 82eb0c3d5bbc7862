/**
 * What the first screen loads, as the README reports it: the production build opened in
 * Chromium until the default graph's numbers are on screen; every script and stylesheet
 * fetched by then, with its size gzipped at level 9 (how a server would send it). Not a test:
 *
 *   npm run bench:first-load [-- --json]
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.ts';

const ROOT = join(import.meta.dirname, '../..');
const PORT = 4173 + Math.floor(Math.random() * 500);

interface Loaded {
  file: string;
  kind: 'script' | 'worker' | 'style';
  bytes: number;
  gzip: number;
}

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
  const files = new Map<string, Loaded['kind']>();
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (!path.startsWith('/assets/')) return;
    const kind = path.endsWith('.css')
      ? 'style'
      : /worker/i.test(path) || r.resourceType() === 'other'
        ? 'worker'
        : 'script';
    if (path.endsWith('.js') || path.endsWith('.css')) files.set(path, kind);
  });
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page
    .getByRole('status')
    .filter({ hasText: /^recomputed 2 of 2/ })
    .waitFor();
  await browser.close();
  const loaded: Loaded[] = [...files].map(([path, kind]) => {
    const bytes = readFileSync(join(ROOT, 'dist', path));
    return {
      file: path.slice('/assets/'.length),
      kind,
      bytes: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
    };
  });
  loaded.sort((a, b) => b.gzip - a.gzip);
  const kb = (n: number) => (n / 1000).toFixed(1);
  const total = (kind: Loaded['kind']) =>
    loaded.filter((l) => l.kind === kind).reduce((a, l) => a + l.gzip, 0);
  if (process.argv.includes('--json')) console.log(JSON.stringify(loaded, null, 2));
  else {
    console.log('| file | kind | bytes | gzip -9 |\n| --- | --- | --- | --- |');
    for (const l of loaded)
      console.log(`| ${l.file} | ${l.kind} | ${kb(l.bytes)} kB | ${kb(l.gzip)} kB |`);
    console.log(
      `\nFirst screen, gzipped: page scripts ${kb(total('script'))} kB, workers ${kb(total('worker'))} kB, styles ${kb(total('style'))} kB.`,
    );
  }
} finally {
  if (server.pid) process.kill(-server.pid);
}
