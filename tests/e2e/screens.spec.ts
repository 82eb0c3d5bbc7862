import { cells, expect, openApp, test } from './helpers.ts';
import { explanation } from './explain-helpers.ts';
import { headerButton } from './share-helpers.ts';
import { snap } from './screenshot.ts';

/**
 * Any screen in a classroom: a 1024×768 projector and a portrait tablet (820×1180). The
 * header wraps rather than cutting buttons off, and the side panels make room for the graph.
 */
for (const [width, height, name] of [
  [1024, 768, 'projector'],
  [820, 1180, 'tablet'],
] as const) {
  test(`${name} ${width}×${height}: every header button on screen, panels over the canvas`, async ({
    page,
  }, info) => {
    await page.setViewportSize({ width, height });
    await openApp(page);
    const header = page.getByRole('banner');
    expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    for (const button of ['Undo', 'Copy link', 'Lesson', 'Train', 'Restart engine', 'Help'])
      await expect(headerButton(page, button)).toBeInViewport();
    // The explain panel lies over the canvas and closes with its ×.
    await cells(page, 'conv channel 0').first().click();
    const panel = explanation(page);
    await expect(panel).toBeInViewport();
    const canvas = (await page.locator('.react-flow').boundingBox())!;
    expect(canvas.width).toBeGreaterThan(width * 0.6);
    await panel.getByRole('button', { name: 'Close the explanation' }).click();
    await expect(panel).toHaveCount(0);
    // The lesson: beside the graph on a projector, a sheet below it on a tablet.
    await headerButton(page, 'Lesson').click();
    const lesson = page.getByRole('complementary', { name: 'Lesson', exact: true });
    await expect(lesson.getByRole('button', { name: 'Next →' })).toBeInViewport();
    await expect(
      lesson.getByRole('heading', { name: 'Convolution: the filter slides' }),
    ).toBeInViewport();
    const box = (await lesson.boundingBox())!;
    if (name === 'tablet') expect(box.width).toBeGreaterThan(width * 0.9);
    else expect(box.width).toBeLessThan(width * 0.35);
    await expect(cells(page, 'conv channel 0').first()).toBeInViewport();
    await page.waitForTimeout(400);
    await snap(page, info);
  });
}

test('a colour-blind-safe colour map: viridis on every map, kept after a reload', async ({
  page,
}, info) => {
  await openApp(page);
  const top = cells(page, 'conv channel 0').first(); // 3, the maximum
  await expect(top).toHaveCSS('background-color', 'rgb(8, 48, 107)');
  await page.getByRole('combobox', { name: 'Colours' }).selectOption('viridis');
  await expect(top).toHaveCSS('background-color', 'rgb(253, 231, 37)');
  // Dark text on viridis's yellow, so the number stays readable.
  await expect(top).toHaveCSS('color', 'rgb(17, 24, 39)');
  await snap(page, info);
  await page.reload();
  await expect(cells(page, 'conv channel 0').first()).toHaveCSS(
    'background-color',
    'rgb(253, 231, 37)',
  );
});
