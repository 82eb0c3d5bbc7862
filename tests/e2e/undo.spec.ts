import { snap } from './screenshot.ts';
import {
  cells,
  deleteNode,
  expect,
  loadPreset,
  moveNode,
  nodeCard,
  openApp,
  paletteItem,
  SLIDE_SAME,
  SLIDE_VALID,
  test,
} from './helpers.ts';
import { headerButton, settled } from './share-helpers.ts';

test('undo and redo a padding change, with the buttons and the keyboard', async ({
  page,
}, info) => {
  await openApp(page);
  const undo = headerButton(page, 'Undo');
  const redo = headerButton(page, 'Redo');
  await expect(undo).toBeDisabled();
  const padding = nodeCard(page, 'Conv2D', 'conv').getByRole('combobox', { name: 'padding' });
  await padding.selectOption('same');
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_SAME);

  await undo.click();
  await expect(padding).toHaveValue('valid');
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_VALID);
  await expect(undo).toBeDisabled();
  await redo.click();
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_SAME);

  // The select still has focus: Ctrl+Z is not typing, so it undoes the graph edit.
  await padding.focus();
  await page.keyboard.press('Control+z');
  await expect(padding).toHaveValue('valid');
  await page.keyboard.press('Control+Shift+z');
  await expect(padding).toHaveValue('same');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  await expect(padding).toHaveValue('same');
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_SAME);
  await snap(page, info);
});

test('Ctrl+Z while typing in a number field is the field’s own undo', async ({ page }) => {
  await openApp(page);
  const filters = nodeCard(page, 'Conv2D', 'conv').getByRole('spinbutton', { name: 'filters' });
  await nodeCard(page, 'Conv2D', 'conv')
    .getByRole('combobox', { name: 'padding' })
    .selectOption('same');
  await filters.focus();
  await page.keyboard.press('Control+z');
  // The graph's padding change was not undone by a key press meant for the field.
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_SAME);
});

test('undo after a preset load restores the graph before it', async ({ page }, info) => {
  await openApp(page);
  await nodeCard(page, 'Conv2D', 'conv')
    .getByRole('combobox', { name: 'padding' })
    .selectOption('same');
  await loadPreset(page, '09-pipeline');
  await expect(nodeCard(page, 'Dense', 'dense2')).toBeVisible();
  await snap(page, info, 'pipeline');
  await headerButton(page, 'Undo').click();
  await expect(nodeCard(page, 'Dense', 'dense2')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'preset', exact: true })).toHaveValue(
    '01-conv-valid',
  );
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_SAME);
  await headerButton(page, 'Undo').click();
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_VALID);
});

test('a drag is one undo step; add and delete undo too', async ({ page }) => {
  await openApp(page);
  const conv = nodeCard(page, 'Conv2D', 'conv');
  // The node's place on the canvas (React Flow's transform), whatever the view does.
  const place = () =>
    page
      .locator('.react-flow__node[data-id="conv"]')
      .evaluate((el) => (el as HTMLElement).style.transform);
  const before = await place();
  const box = (await conv.boundingBox())!;
  await moveNode(page, conv, { x: box.x + 40, y: box.y + 200 });
  await expect.poll(place).not.toBe(before);
  await headerButton(page, 'Undo').click();
  await expect.poll(place).toBe(before);
  await expect(headerButton(page, 'Undo')).toBeDisabled();

  await deleteNode(page, conv);
  await headerButton(page, 'Undo').click();
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_VALID);

  await paletteItem(page, 'MaxPool').click();
  await expect(nodeCard(page, 'MaxPool', 'max_pool_1')).toBeVisible();
  await headerButton(page, 'Undo').click();
  await expect(nodeCard(page, 'MaxPool', 'max_pool_1')).toHaveCount(0);
});

test('a reload restores the work, from the address bar and the autosave', async ({
  page,
}, info) => {
  await openApp(page);
  const entries = await page.evaluate(() => history.length);
  await nodeCard(page, 'Conv2D', 'conv')
    .getByRole('combobox', { name: 'padding' })
    .selectOption('same');
  const hash = await settled(page);
  // Replaced, never pushed: back/forward are not flooded.
  expect(await page.evaluate(() => history.length)).toBe(entries);
  await page.reload();
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_SAME);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await page.evaluate(() => location.hash)).toBe(hash);

  // Without the fragment, the autosave alone brings it back.
  await page.goto('/');
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_SAME);
  await snap(page, info);
});

for (const [width, height] of [
  [1280, 800],
  [1536, 864],
  [1920, 1080],
]) {
  test(`the header fits on one line at ${width}×${height}`, async ({ page }, info) => {
    await page.setViewportSize({ width, height });
    await openApp(page);
    const header = page.getByRole('banner');
    const box = (await header.boundingBox())!;
    expect(box.height).toBeLessThan(60);
    expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    for (const name of ['Undo', 'Redo', 'Copy link', 'Export .json', 'Import .json', 'Help'])
      await expect(headerButton(page, name)).toBeInViewport();
    await page.getByRole('button', { name: 'About this graph' }).click();
    await expect(page.getByRole('note', { name: 'About this graph' })).toContainText('3×3 filter');
    await snap(page, info);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('note', { name: 'About this graph' })).toHaveCount(0);
  });
}

test.describe('in Japanese', () => {
  test.use({ locale: 'ja-JP' });
  for (const [width, height] of [
    [1280, 800],
    [1400, 900],
    [1536, 864],
  ] as const)
    test(`the header fits on one line at ${width}×${height}, every button in view`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await page.goto('/');
      await expect(page.getByRole('status')).toHaveText(/^2ノード中2ノードを再計算/);
      const header = page.getByRole('banner');
      expect((await header.boundingBox())!.height).toBeLessThan(60);
      expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      await expect(header.getByRole('combobox', { name: '言語' })).toBeInViewport();
      await expect(header.getByRole('button', { name: 'ヘルプ' })).toBeInViewport();
      await expect(header.getByRole('button', { name: 'エンジンを再起動' })).toBeInViewport();
    });
});
