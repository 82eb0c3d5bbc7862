import type { Browser, Page } from '@playwright/test';
import { encodePlainGraphLink } from '../../src/graph/link-codec.ts';
import {
  engineWorker,
  nodeCard,
  recomputed,
  statusLine,
  expect,
  test,
  inputConvGraph,
} from './helpers.ts';

/** Input 64×64×1 (values from -2 to 2) → Conv2D `c` (helpers.ts). */
const bigGraph = () => inputConvGraph((i) => (((i * 37) % 101) - 50) / 25);

/**
 * Open the graph, edit c's activation four times and then its padding (the last edit is the
 * one whose map is 62×62), and read c's four maps as PNGs.
 */
async function editAndRead(page: Page): Promise<string[]> {
  await page.goto(`/${encodePlainGraphLink(bigGraph())}`);
  await expect(statusLine(page)).toHaveText(recomputed(2, 2));
  const conv = nodeCard(page, 'Conv2D', 'c');
  for (const activation of ['relu', 'tanh', 'linear', 'relu']) {
    await conv.getByRole('combobox', { name: 'activation' }).selectOption(activation);
    await expect(statusLine(page)).toHaveText(recomputed(1, 2));
  }
  await conv.getByRole('combobox', { name: 'padding' }).selectOption('valid');
  const maps = page.getByRole('img', { name: /^c channel \d, 62×62$/ });
  await expect(maps).toHaveCount(4);
  return maps.evaluateAll((canvases) =>
    canvases.map((c) => (c as HTMLCanvasElement).toDataURL('image/png')),
  );
}

/** A page whose documents come without the isolation headers, as from a plain static host. */
async function unisolatedPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  await context.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['cross-origin-opener-policy'];
    delete headers['cross-origin-embedder-policy'];
    await route.fulfill({ response, headers });
  });
  return context.newPage();
}

test('isolated, the engine lends its outputs; without isolation it copies: the same maps', async ({
  page,
  browser,
  baseURL,
}) => {
  const shared = await editAndRead(page);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  expect(await (await engineWorker(page)).evaluate(() => crossOriginIsolated)).toBe(true);

  const plain = await unisolatedPage(browser, baseURL);
  const errors: string[] = [];
  plain.on('pageerror', (e) => errors.push(e.message));
  const copied = await editAndRead(plain);
  expect(await plain.evaluate(() => crossOriginIsolated)).toBe(false);
  expect(await (await engineWorker(plain)).evaluate(() => crossOriginIsolated)).toBe(false);
  expect(errors).toEqual([]);
  await expect(plain.getByRole('alert')).toHaveCount(0);

  expect(copied).toHaveLength(4);
  expect(shared).toEqual(copied);
  await plain.context().close();
});
