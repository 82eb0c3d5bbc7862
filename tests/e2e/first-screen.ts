import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget: gzipped JavaScript, page and engine worker, until the first numbers. */
export const FIRST_SCREEN_BUDGET_BYTES = 180_000;

export interface Loaded {
  file: string;
  kind: 'script' | 'worker' | 'style';
  bytes: number;
  /** Gzipped at level 9, as a server would send it. */
  gzip: number;
  /** Requested before the first numbers were on screen. */
  first: boolean;
}

/**
 * Open the app at `url` and list every script and stylesheet of dist/assets it fetched, each
 * marked by whether it was requested before the default graph's first numbers were on screen
 * (the status line's first report, `status`, seen from the page the moment it is written).
 * Waits for the canvas too, so the list also says what came after.
 */
export async function measureFirstScreen(
  page: Page,
  url: string,
  root: string,
  status: RegExp = /^recomputed 2 of 2/,
): Promise<Loaded[]> {
  let shown = false;
  const files = new Map<string, { kind: Loaded['kind']; first: boolean }>();
  await page.exposeFunction('__cfNumbersShown', () => {
    shown = true;
  });
  // A string, not a function: the bench runs under tsx, whose compiled functions call a
  // helper (__name) the page does not have.
  await page.addInitScript(`
    const observer = new MutationObserver(() => {
      const status = document.querySelector('[role="status"]');
      if (!status || !${status.toString()}.test(status.textContent)) return;
      observer.disconnect();
      window.__cfNumbersShown();
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  `);
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (!path.startsWith('/assets/') || !/\.(js|css)$/.test(path) || files.has(path)) return;
    const kind = path.endsWith('.css')
      ? 'style'
      : /worker/i.test(path) || r.resourceType() === 'other'
        ? 'worker'
        : 'script';
    files.set(path, { kind, first: !shown });
  });
  await page.goto(url);
  await page.getByRole('status').filter({ hasText: status }).waitFor();
  // The canvas follows the numbers: wait for it, so what it costs is listed too.
  await page.locator('.react-flow__renderer').waitFor();
  if (!shown) throw new Error('the page never reported its first numbers');
  return [...files].map(([path, { kind, first }]) => {
    const bytes = readFileSync(join(root, 'dist', path));
    return {
      file: path.slice('/assets/'.length),
      kind,
      bytes: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      first,
    };
  });
}

/** Gzipped JavaScript (page scripts and workers) fetched before the first numbers. */
export function firstScreenScriptBytes(loaded: readonly Loaded[]): number {
  return loaded.filter((l) => l.first && l.kind !== 'style').reduce((a, l) => a + l.gzip, 0);
}
