import type { Page } from 'playwright-core';
import { encodePlainGraphLink } from '../../src/graph/link-codec.ts';

/** mulberry32: the same pseudo-random image on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The pipeline graph's Input: side×side×3 pseudo-random values in [0, 1], two decimals. */
export function pipelineInput(side: number): number[] {
  const random = seededRandom(6);
  return Array.from({ length: side * side * 3 }, () => Math.round(random() * 100) / 100);
}

/** Input side×side×3 → Conv2D 16 (3×3 same, relu) → MaxPool 2×2 → Conv2D 32 (3×3 same). */
export function pipelineGraph(side: number): object {
  const data = pipelineInput(side);
  const conv = (filters: number, activation: string) => ({
    filters,
    kernelSize: [3, 3],
    padding: 'same',
    activation,
  });
  const node = (id: string, type: string, x: number, params: object) => ({
    id,
    type,
    position: { x, y: 0 },
    params,
  });
  return {
    format: 'convflow-graph',
    version: 1,
    nodes: [
      node('in', 'Input', 0, { tensor: { shape: [side, side, 3], data } }),
      node('c1', 'Conv2D', 360, conv(16, 'relu')),
      node('p', 'MaxPool', 720, { poolSize: [2, 2] }),
      node('c2', 'Conv2D', 1080, conv(32, 'linear')),
    ],
    edges: [
      { source: 'in', target: 'c1' },
      { source: 'c1', target: 'p' },
      { source: 'p', target: 'c2' },
    ],
  };
}

/** Open the pipeline graph by a plain `#graph=` link; milliseconds until it is evaluated. */
export async function openGraph(page: Page, base: string, side: number): Promise<number> {
  const start = Date.now();
  // The link is over a megabyte: a failure's message would quote it whole, so keep it short.
  const url = `${base}/${encodePlainGraphLink(pipelineGraph(side))}`;
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 }).catch((e: Error) => {
    throw new Error(`opening the graph link failed: ${e.message.slice(0, 200)}`);
  });
  await page
    .getByRole('status')
    .filter({ hasText: /^recomputed 4 of 4 nodes/ })
    .waitFor({ timeout: 120_000 });
  return Date.now() - start;
}
