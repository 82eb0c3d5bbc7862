import { snap } from './screenshot.ts';
import {
  cells,
  heatmap,
  nodeCard,
  openApp,
  recomputed,
  SLIDE_VALID,
  statusLine,
  expect,
  test,
} from './helpers.ts';

test('typing filters 1 to 8 quickly ends with the last value computed', async ({ page }, info) => {
  await openApp(page);
  const conv = nodeCard(page, 'Conv2D', 'conv');
  const filters = conv.getByRole('spinbutton', { name: 'filters' });
  await filters.click();
  for (let n = 1; n <= 8; n++) {
    await filters.press('ControlOrMeta+a');
    await filters.pressSequentially(String(n));
  }

  await expect(filters).toHaveValue('8');
  await expect(conv.getByTitle('output shape')).toHaveText('3×3×8');
  await expect(statusLine(page)).toHaveText(recomputed(1, 2));
  await expect(heatmap(page, 'conv channel 7')).toBeVisible();
  await expect(conv.getByRole('grid')).toHaveCount(8);
  // Resizing keeps the kernel values that fit: the first filter is still the slide's.
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_VALID);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(filters).not.toHaveAttribute('aria-invalid');

  await snap(page, info);

  // Still responsive: the help opens and closes at once.
  await page.getByRole('button', { name: 'Help' }).click();
  await expect(page.getByRole('dialog', { name: 'Shortcuts' })).toBeVisible();
  await snap(page, info, 'help');
  await page.getByRole('button', { name: 'Close help' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
