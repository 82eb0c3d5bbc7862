import { snap } from './screenshot.ts';
import {
  cells,
  nodeCard,
  openApp,
  recomputed,
  SLIDE_VALID,
  statusLine,
  expect,
  test,
} from './helpers.ts';

test('the default graph loads already computed, with the slide numbers', async ({ page }, info) => {
  await openApp(page);
  await expect(nodeCard(page, 'Input', 'input')).toBeVisible();
  const conv = nodeCard(page, 'Conv2D', 'conv');
  await expect(conv).toBeVisible();
  await expect(conv.getByTitle('output shape')).toHaveText('3×3×1');
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_VALID);
  await expect(cells(page, 'input channel 0')).toHaveCount(25);
  await expect(statusLine(page)).toHaveText(recomputed(2, 2));
  await expect(page.getByRole('alert')).toHaveCount(0);
  await snap(page, info);
});
