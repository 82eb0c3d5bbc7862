import type { Locator } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import {
  canvasReady,
  cells,
  edge,
  expect,
  nodeCard,
  notice,
  SLIDE_SAME,
  SLIDE_VALID,
  test,
} from './helpers.ts';

/** A box that stayed the same over two frames. */
async function settledBox(card: Locator) {
  const frames = () =>
    card
      .page()
      .evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
  let last = await card.boundingBox();
  for (let tries = 0; tries < 20; tries++) {
    await frames();
    const box = await card.boundingBox();
    if (box && last && JSON.stringify(box) === JSON.stringify(last)) return box;
    last = box;
  }
  return last;
}

/**
 * The first numbers come before the canvas (React Flow loads once they are on screen): with
 * the canvas's chunk held back, the graph's nodes already show the slide's numbers, pass
 * axe, and take an edit; when the canvas arrives it stands where the first view stood.
 */
test('before the canvas loads: the numbers, an edit, then the canvas in the same place', async ({
  page,
}) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/Canvas-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_VALID);
  await expect(page.locator('.react-flow__renderer')).toHaveCount(0);
  // The connection is drawn too, with the shape that flows along it.
  await expect(page.locator('.cf-static-edges path')).toHaveCount(1);
  await expect(page.locator('.cf-static-edges')).toContainText('5×5×1');
  expect(await seriousViolations(page), 'axe violations before the canvas').toEqual([]);

  const conv = nodeCard(page, 'Conv2D', 'conv');
  await conv.getByRole('combobox', { name: 'padding' }).selectOption('same');
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_SAME);
  // The card grew with its 5×5 numbers; the first view fits the graph again once it has
  // measured it (a ResizeObserver), a frame or two later: compare where it settles.
  const before = await settledBox(conv);

  release();
  await canvasReady(page);
  await expect(edge(page, 'input', 'conv')).toBeVisible();
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_SAME);
  const after = await settledBox(conv);
  expect(Math.abs(after!.x - before!.x), 'x').toBeLessThan(2);
  expect(Math.abs(after!.y - before!.y), 'y').toBeLessThan(2);
  expect(Math.abs(after!.width - before!.width), 'width').toBeLessThan(2);
});

test('a canvas that cannot be fetched leaves the numbers and offers to try again', async ({
  page,
  pageErrors,
}) => {
  let fail = true;
  await page.route(/\/assets\/Canvas-[^/]*\.js$/, (route) =>
    fail ? route.abort('internetdisconnected') : route.continue(),
  );
  await page.goto('/');
  const problem = notice(page, /^The canvas could not be loaded/);
  await expect(problem).toBeVisible();
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_VALID);
  fail = false;
  await problem.getByRole('button', { name: 'Try again' }).click();
  await canvasReady(page);
  await expect(edge(page, 'input', 'conv')).toBeVisible();
  // The failed fetch is logged by the browser; nothing else went wrong.
  expect(
    pageErrors.filter((e) => !/Failed to (fetch|load)|ERR_INTERNET_DISCONNECTED/.test(e)),
  ).toEqual([]);
  pageErrors.length = 0;
});
