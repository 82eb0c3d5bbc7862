import { snap } from './screenshot.ts';
import {
  heatmap,
  loadPreset,
  nodeCard,
  openApp,
  recomputed,
  statusLine,
  expect,
  test,
} from './helpers.ts';

test('the status line counts only the nodes downstream of an edit', async ({ page }, info) => {
  await openApp(page);
  await loadPreset(page, '09-pipeline');
  await expect(statusLine(page)).toHaveText(recomputed(7, 7));
  await expect(heatmap(page, 'dense2 output')).toBeVisible();
  await snap(page, info, 'loaded');

  // Dropout feeds only dense2: two nodes.
  const dropout = nodeCard(page, 'Dropout', 'dropout');
  await dropout.getByRole('spinbutton', { name: 'seed' }).fill('8');
  await expect(statusLine(page)).toHaveText(recomputed(2, 7));

  // Everything but the input is downstream of the convolution: six nodes.
  const conv = nodeCard(page, 'Conv2D', 'conv');
  await conv.getByRole('combobox', { name: 'activation' }).selectOption('linear');
  await expect(statusLine(page)).toHaveText(recomputed(6, 7));

  await dropout.getByRole('spinbutton', { name: 'rate' }).fill('0.25');
  await expect(statusLine(page)).toHaveText(recomputed(2, 7));
  await expect(page.getByRole('alert')).toHaveCount(0);
  await snap(page, info);
});
