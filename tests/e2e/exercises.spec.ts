import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { encodePlainGraphLink } from '../../src/graph/link-codec.ts';
import { explanation, loadSlide, panelCells, snapBoth, switchLanguage } from './explain-helpers.ts';
import { nodeCard, openApp } from './helpers.ts';
import { snap } from './screenshot.ts';

/** The answer box of one output cell in a node's worksheet. */
function answer(page: Page, id: string, row: number, col: number) {
  return page
    .getByRole('grid', { name: `${id} exercise, ch 0`, exact: true })
    .getByRole('textbox', { name: `answer, row ${row}, col ${col}`, exact: true });
}

async function practise(page: Page, type: string, id: string) {
  await nodeCard(page, type, id).getByRole('button', { name: 'Practice by hand' }).click();
  await expect(page.getByRole('grid', { name: `${id} exercise, ch 0` })).toBeVisible();
}

test('a wrong answer is marked wrong and a right one right', async ({ page }, info) => {
  await openApp(page);
  await practise(page, 'Conv2D', 'conv');
  // Every output cell is hidden: nine answer boxes, no numbers to copy.
  await expect(
    page.getByRole('grid', { name: 'conv exercise, ch 0' }).getByRole('textbox'),
  ).toHaveCount(9);
  const first = answer(page, 'conv', 0, 0);
  await first.fill('5');
  await first.press('Enter');
  await expect(first).toHaveAttribute('aria-invalid', 'true');
  await expect(first).toHaveAccessibleDescription('wrong');
  await first.fill('3');
  await first.press('Enter');
  await expect(first).not.toHaveAttribute('aria-invalid');
  await expect(first).toHaveAccessibleDescription('right');
  await expect(nodeCard(page, 'Conv2D', 'conv').getByText('1 of 9 right')).toBeVisible();
  // Full-width digits, as a Japanese IME types them, count too.
  const last = answer(page, 'conv', 2, 2);
  await last.fill('３');
  await last.press('Tab');
  await expect(last).toHaveAccessibleDescription('right');
  await expect(nodeCard(page, 'Conv2D', 'conv').getByText('2 of 9 right')).toBeVisible();
  await snapBoth(page, info);
});

test('"show me" opens the worked solution of the cell', async ({ page }, info) => {
  await openApp(page);
  await practise(page, 'Conv2D', 'conv');
  await answer(page, 'conv', 0, 1).click();
  const panel = explanation(page);
  await expect(panel.getByText('Next, try computing it by hand yourself!')).toBeVisible();
  // The window and the filter show; the arithmetic waits.
  await expect(panelCells(page, 'products of corresponding cells, ch 0')).toHaveText(
    Array(9).fill('?'),
  );
  await expect(panel.locator('.ex-result')).toHaveCount(0);
  await snap(page, info, 'asked');
  await panel.getByRole('button', { name: 'Show me' }).click();
  await expect(panelCells(page, 'products of corresponding cells, ch 0')).toHaveText(
    Array(9).fill('0'),
  );
  await expect(panel.locator('.ex-result')).toHaveText('0');
  await expect(nodeCard(page, 'Conv2D', 'conv').getByText('0 of 9 right · 1 shown')).toBeVisible();
  await snapBoth(page, info, 'shown');
});

test('the teacher picks cells; an exercise travels in a share link', async ({ page }, info) => {
  await openApp(page);
  await practise(page, 'Conv2D', 'conv');
  await nodeCard(page, 'Conv2D', 'conv').getByRole('button', { name: 'Explain' }).click();
  const setup = explanation(page).getByRole('region', { name: 'Cells to compute by hand' });
  await setup.getByRole('button', { name: 'None' }).click();
  await setup.getByRole('button', { name: 'row 0, col 0' }).click();
  await setup.getByRole('button', { name: 'row 2, col 2' }).click();
  const sheet = page.getByRole('grid', { name: 'conv exercise, ch 0' });
  await expect(sheet.getByRole('textbox')).toHaveCount(2);
  await expect(sheet.getByRole('gridcell').nth(4)).toHaveText('2');
  await snap(page, info, 'picked');

  const preset = JSON.parse(readFileSync('presets/01-conv-valid.json', 'utf8'));
  preset.nodes[1].exercise = { hidden: [0, 4, 8] };
  await page.goto(`/${encodePlainGraphLink(preset)}`);
  await expect(
    page.getByRole('grid', { name: 'conv exercise, ch 0' }).getByRole('textbox'),
  ).toHaveCount(3);
  await expect(nodeCard(page, 'Conv2D', 'conv').getByText('0 of 3 right')).toBeVisible();
});

test('max pooling by hand', async ({ page }, info) => {
  await openApp(page);
  await loadSlide(page, '05-max-pooling');
  await practise(page, 'MaxPool', 'pool');
  const answers = ['3', '5', '5', '4'];
  for (const [i, value] of answers.entries()) {
    const box = answer(page, 'pool', Math.floor(i / 2), i % 2);
    await box.fill(value);
    await box.press('Enter');
  }
  await expect(nodeCard(page, 'MaxPool', 'pool').getByText('4 of 4 right')).toBeVisible();
  await snap(page, info);
});

test('the exercise speaks Japanese', async ({ page }, info) => {
  await openApp(page);
  await switchLanguage(page, '日本語');
  await nodeCard(page, 'Conv2D', 'conv').getByRole('button', { name: '手計算の練習' }).click();
  const sheet = page.getByRole('grid', { name: 'convの練習問題 0CH' });
  await sheet.getByRole('textbox', { name: '答え 0行0列' }).click();
  const panel = explanation(page, '計算の解説');
  await expect(panel.getByText('次は自分で手計算してみよう!')).toBeVisible();
  await expect(panel.getByRole('button', { name: '解き方を見る' })).toBeVisible();
  await snapBoth(page, info);
});
