import { snap } from './screenshot.ts';
import {
  cells,
  nodeCard,
  openApp,
  recomputed,
  SLIDE_SAME,
  SLIDE_VALID,
  statusLine,
  expect,
  test,
} from './helpers.ts';

test('padding valid to same grows the output from 3×3 to 5×5 with the slide numbers', async ({
  page,
}, info) => {
  await openApp(page);
  const conv = nodeCard(page, 'Conv2D', 'conv');
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_VALID);

  await conv.getByRole('combobox', { name: 'padding' }).selectOption('same');

  await expect(conv.getByRole('combobox', { name: 'padding' })).toHaveValue('same');
  await expect(conv.getByTitle('output shape')).toHaveText('5×5×1');
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_SAME);
  // Only the edited node is downstream of the edit; the input is not recomputed.
  await expect(statusLine(page)).toHaveText(recomputed(1, 2));
  await expect(page.getByRole('alert')).toHaveCount(0);
  await snap(page, info);
});
