import type { Page } from '@playwright/test';
import {
  cells,
  expect,
  loadPreset,
  nodeCard,
  openApp,
  SLIDE_SAME,
  SLIDE_VALID,
  statusLine,
  test,
} from './helpers.ts';

/**
 * A classroom with poor Wi-Fi: after one visit, the service worker serves the page, every
 * lazy part of it and the deck lesson with the network cut; the MNIST digits, once a run
 * has fetched them, start the next run offline too.
 */
const STEPS = 15;

/** Wait until the service worker has cached the build and controls this page. */
async function serviceWorkerInControl(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
}

test('after one visit, the page and the deck lesson load with the network cut', async ({
  page,
  context,
}) => {
  await openApp(page);
  await serviceWorkerInControl(page);
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector('link[rel=manifest]')!.getAttribute('href')!;
    return (await fetch(href)).json();
  });
  expect(manifest.display).toBe('standalone');
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toContain('512x512');

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.reload();
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_VALID);
  // An edit goes through the engine worker, also served from the cache.
  await nodeCard(page, 'Conv2D', 'conv')
    .getByRole('combobox', { name: 'padding' })
    .selectOption('same');
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_SAME);

  await page.getByRole('button', { name: 'Lesson', exact: true }).click();
  const lesson = page.getByRole('complementary', { name: 'Lesson', exact: true });
  for (let k = 1; k <= STEPS; k++) {
    await expect(lesson.getByText(`Step ${k} of ${STEPS}`, { exact: true })).toBeVisible();
    await expect(statusLine(page)).toHaveText(/^recomputed \d+ of \d+ nodes/);
    if (k < STEPS) await lesson.getByRole('button', { name: 'Next →' }).click();
  }
  // The last step's trained LeNet is a chunk of its own, loaded only now: from the cache.
  await expect(
    nodeCard(page, 'Dense', 'class')
      .getByRole('figure', { name: 'Prediction' })
      .getByText(/^predicted 7/),
  ).toBeVisible();
});

test('the MNIST digits, fetched once, train again offline', async ({ page, context }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await serviceWorkerInControl(page);
  const panel = page.getByRole('complementary', { name: 'Train the network' });
  const trainABit = async () => {
    await panel.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(panel.getByText(/Epoch 1 of \d+ · batch [1-9]\d* of 250/)).toBeVisible({
      timeout: 45_000,
    });
    await panel.getByRole('button', { name: 'Pause', exact: true }).click();
  };
  await loadPreset(page, '10-learn-digits');
  await trainABit();

  await context.setOffline(true);
  await page.reload();
  await expect(statusLine(page)).toHaveText(/^recomputed \d+ of \d+ nodes/);
  if (!(await panel.isVisible())) await loadPreset(page, '10-learn-digits');
  await trainABit();
});
