import { cells, expect, openApp, test } from './helpers.ts';
import { seriousViolations } from './axe.ts';
import { explanation } from './explain-helpers.ts';

/**
 * axe-core (WCAG 2.1 A/AA and best practice) finds no serious or critical violation on any
 * view: the first screen, the explain panel, the lesson player, the presenter view, a
 * dialog, the Train panel and the backward view.
 */
test('no serious or critical axe violation on any view', async ({ page }) => {
  const check = async (view: string) =>
    expect(await seriousViolations(page), `${view}: axe violations`).toEqual([]);
  await openApp(page);
  await check('first screen');
  await cells(page, 'conv channel 0').first().click();
  await expect(explanation(page)).toBeVisible();
  await check('explain panel');
  await page.getByRole('button', { name: 'Lesson', exact: true }).click();
  const lesson = page.getByRole('complementary', { name: 'Lesson', exact: true });
  await expect(lesson.getByText('Step 1 of 15')).toBeVisible();
  await check('lesson player');
  await lesson.getByRole('button', { name: 'Present' }).click();
  await check('presenter view');
  await lesson.getByRole('button', { name: 'Present' }).click();
  await lesson.getByRole('button', { name: 'Close the lesson' }).click();
  await page.getByRole('button', { name: 'Export code' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await check('export code dialog');
  await page.keyboard.press('Escape');
  await page
    .getByRole('combobox', { name: 'preset', exact: true })
    .selectOption('13-backprop-step');
  await expect(page.getByRole('complementary', { name: 'Train the network' })).toBeVisible();
  await check('Train panel');
  await cells(page, 'conv channel 0').first().click();
  await explanation(page).getByRole('button', { name: 'Backward', exact: true }).click();
  await explanation(page).getByRole('button', { name: 'Take one step', exact: true }).click();
  await expect(explanation(page).getByText(/^Step 1: epoch 1/)).toBeVisible();
  await check('backward view');
});
