import type { Page } from '@playwright/test';
import { encodePlainGraphLink } from '../../src/graph/link-codec.ts';
import { recomputed, statusLine, expect, test, inputConvGraph } from './helpers.ts';

/**
 * Input 64×64×1 (values from 0 to 1, as the pad's ink: a dot keeps the Input's colour scale)
 * → Conv2D `c` (helpers.ts): five canvas maps.
 */
const graph = () => inputConvGraph((i) => ((i * 37) % 101) / 100);

/** Counts each map's `putImageData` calls: whole bitmaps, and rectangles of them. */
function countPaints() {
  const paints: Record<string, { whole: number; rects: number }> = {};
  (window as unknown as { __paints: typeof paints }).__paints = paints;
  const put = CanvasRenderingContext2D.prototype.putImageData;
  CanvasRenderingContext2D.prototype.putImageData = function (
    this: CanvasRenderingContext2D,
    ...args: unknown[]
  ) {
    const map = (paints[this.canvas.getAttribute('aria-label') ?? ''] ??= { whole: 0, rects: 0 });
    if (args.length > 3) map.rects++;
    else map.whole++;
    return (put as (...a: unknown[]) => void).apply(this, args);
  };
}

/** The Input's map's paints so far. */
const inputPaints = (page: Page) =>
  page.evaluate(() => ({
    ...(window as unknown as { __paints: Record<string, { whole: number; rects: number }> })
      .__paints['in channel 0, 64×64'],
  }));

/** The five maps as PNGs, in page order. */
function readMaps(page: Page): Promise<string[]> {
  return page
    .getByRole('img', { name: /^(in|c) channel \d, 64×64$/ })
    .evaluateAll((canvases) =>
      canvases.map((c) => (c as HTMLCanvasElement).toDataURL('image/png')),
    );
}

test('a dot repaints only the cells it changed, and the maps match a fresh page', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.addInitScript(countPaints);
  await page.goto(`/${encodePlainGraphLink(graph())}`);
  await expect(statusLine(page)).toHaveText(recomputed(2, 2));
  await expect(page.getByRole('img', { name: /^(in|c) channel \d, 64×64$/ })).toHaveCount(5);

  await page
    .getByRole('button', { name: 'Draw: open the drawing pad for in', exact: true })
    .click();
  const pad = page.getByRole('dialog', { name: /^Drawing pad/ });
  await pad.getByRole('slider').focus();
  await page.keyboard.press('Home'); // brush 1: one pixel per dot
  const box = (await pad.locator('canvas').boundingBox())!;
  const before = await inputPaints(page);
  for (const [x, y] of [
    [5, 7],
    [40, 33],
    [62, 60],
  ] as const) {
    const rects = (await inputPaints(page)).rects!;
    await page.mouse.click(
      box.x + ((x + 0.5) * box.width) / 64,
      box.y + ((y + 0.5) * box.height) / 64,
    );
    // The Input's map repaints the one cell the dot changed. (c's maps do the same while the
    // dot leaves their colour scale as it was; a new extreme repaints one whole.)
    await expect.poll(async () => (await inputPaints(page)).rects! - rects).toBe(1);
  }
  await expect(statusLine(page)).toHaveText(recomputed(2, 2));
  const after = await inputPaints(page);
  expect(after.whole).toBe(before.whole);
  const edited = await readMaps(page);

  // The address bar carries the edited graph once the page has paused (the last dot's too:
  // it no longer changes); a fresh page paints every map whole from it.
  const original = encodePlainGraphLink(graph());
  await expect
    .poll(async () => {
      const url = page.url();
      await page.waitForTimeout(800);
      return !url.includes(original) && page.url() === url;
    })
    .toBe(true);
  const fresh = await browser.newPage({ baseURL });
  await fresh.goto(page.url());
  await expect(statusLine(fresh)).toHaveText(recomputed(2, 2));
  await expect(fresh.getByRole('img', { name: /^(in|c) channel \d, 64×64$/ })).toHaveCount(5);
  // Polled: the first view's maps give way to the canvas's once it has loaded.
  await expect.poll(() => readMaps(fresh)).toEqual(edited);
  await fresh.close();
});
