import { expect, test } from '@playwright/test';
import {
  explanation,
  loadSlide,
  panelCells,
  panelTable,
  playerButton,
  snapBoth,
  switchLanguage,
} from './explain-helpers.ts';
import { canvasPane, cells, heatmap, nodeCard, openApp, SLIDE_VALID } from './helpers.ts';
import { snap } from './screenshot.ts';
import { encodePlainGraphLink } from '../../src/graph/link-codec.ts';

const PRODUCTS = 'products of corresponding cells, ch 0';
const OUTPUT = 'output image (filter 0)';
const blanks = (filled: string[], total = 9) => [
  ...filled,
  ...Array.from({ length: total - filled.length }, () => ''),
];

test('selecting output (0,0) of the valid convolution shows products summing to 3', async ({
  page,
}, info) => {
  await openApp(page);
  await cells(page, 'conv channel 0').first().click();
  const panel = explanation(page);
  await expect(panel.getByRole('heading', { name: 'Output cell: row 0, col 0' })).toBeVisible();
  await expect(panelCells(page, PRODUCTS)).toHaveText([
    '0',
    '0',
    '1',
    '0',
    '1',
    '0',
    '1',
    '0',
    '0',
  ]);
  await expect(panel.getByText('0 + 0 + 1 + 0 + 1 + 0 + 1 + 0 + 0 =')).toBeVisible();
  await expect(panel.locator('.ex-sum-result').first()).toHaveText('3');
  await expect(panel.locator('.ex-result')).toHaveText('3');
  // The window covers 3×3 of the input, outlined in the panel and on the Input's own map.
  await expect(panelTable(page, 'input image · ch 0').locator('.ex-window')).toHaveCount(9);
  await expect(heatmap(page, 'input channel 0').locator('.hm-highlight')).toHaveCount(9);
  await expect(panelCells(page, 'filter 0 · ch 0')).toHaveText([
    '0',
    '0',
    '1',
    '0',
    '1',
    '0',
    '1',
    '0',
    '0',
  ]);
  await snapBoth(page, info);
});

test('selecting a node leaves the canvas whole; a cell opens the panel, the background closes it', async ({
  page,
}) => {
  await openApp(page);
  await nodeCard(page, 'Conv2D', 'conv').locator('header').click();
  await expect(explanation(page)).toHaveCount(0);
  await cells(page, 'conv channel 0').nth(4).click();
  await expect(
    explanation(page).getByRole('heading', { name: 'Output cell: row 1, col 1' }),
  ).toBeVisible();
  await canvasPane(page).click({ position: { x: 20, y: 20 } });
  await expect(explanation(page)).toHaveCount(0);
  // Reselecting the node does not bring the panel back; its close button closes it too.
  await nodeCard(page, 'Conv2D', 'conv').locator('header').click();
  await expect(explanation(page)).toHaveCount(0);
  await nodeCard(page, 'Conv2D', 'conv').getByRole('button', { name: 'Explain' }).click();
  await expect(
    explanation(page).getByRole('heading', { name: 'Output cell: row 0, col 0' }),
  ).toBeVisible();
  await explanation(page).getByRole('button', { name: 'Close the explanation' }).click();
  await expect(explanation(page)).toHaveCount(0);
});

test('stepping through all nine positions fills 3 0 1 / 0 2 0 / 1 0 3', async ({ page }, info) => {
  await openApp(page);
  await cells(page, 'conv channel 0').first().click();
  await expect(panelCells(page, OUTPUT)).toHaveText(blanks(['3']));
  for (let k = 2; k <= 9; k++) {
    await playerButton(page, 'Step forward').click();
    await expect(panelCells(page, OUTPUT)).toHaveText(blanks(SLIDE_VALID.slice(0, k)));
    await expect(explanation(page).getByText(`cell ${k} of 9`)).toBeVisible();
  }
  await expect(explanation(page).locator('.ex-result')).toHaveText('3');
  await snap(page, info, 'end');
  await playerButton(page, 'Step back').click();
  await expect(panelCells(page, OUTPUT)).toHaveText(blanks(SLIDE_VALID.slice(0, 8)));
  await playerButton(page, 'First cell').click();
  await expect(panelCells(page, OUTPUT)).toHaveText(blanks(['3']));
  // Played at 8 cells a second, the walk reaches the end by itself and stops.
  await explanation(page).getByRole('combobox', { name: 'Speed' }).selectOption('8');
  await playerButton(page, 'Play').click();
  await expect(playerButton(page, 'Pause')).toBeVisible();
  await expect(panelCells(page, OUTPUT)).toHaveText(SLIDE_VALID);
  await expect(playerButton(page, 'Play')).toBeVisible();
  // The keyboard: arrows on the canvas map move the cell, arrows on the player step.
  await heatmap(page, 'conv channel 0').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(
    explanation(page).getByRole('heading', { name: 'Output cell: row 2, col 1' }),
  ).toBeVisible();
  await playerButton(page, 'Step back').focus();
  await page.keyboard.press('Home');
  await expect(explanation(page).getByText('cell 1 of 9')).toBeVisible();
});

test('padding same: the zero border is drawn as padding cells around the input', async ({
  page,
}, info) => {
  await openApp(page);
  await loadSlide(page, '02-conv-same');
  await expect(cells(page, 'conv channel 0')).toHaveCount(25);
  await cells(page, 'conv channel 0').first().click();
  const input = panelTable(page, 'input image · ch 0');
  await expect(input.getByRole('cell')).toHaveCount(49);
  await expect(input.locator('.ex-padding')).toHaveCount(24);
  await expect(input.locator('.ex-window.ex-padding')).toHaveCount(5);
  await expect(explanation(page).locator('.ex-result')).toHaveText('0');
  await playerButton(page, 'Step forward').click();
  await playerButton(page, 'Step forward').click();
  await expect(explanation(page).locator('.ex-result')).toHaveText('2');
  await snapBoth(page, info);
});

test('strides and a non-square kernel walk correctly', async ({ page }, info) => {
  // Input 7×9 holding 0…62 row by row; kernel 2×3, strides 2: out 3×4, twelve positions.
  const ramp = Array.from({ length: 63 }, (_, i) => i);
  const doc = {
    format: 'convflow-graph',
    version: 1,
    nodes: [
      { id: 'in', type: 'Input', params: { tensor: { shape: [7, 9, 1], data: ramp } } },
      {
        id: 'c',
        type: 'Conv2D',
        position: { x: 360, y: 0 },
        params: { filters: 1, kernelSize: [2, 3], strides: [2, 2], kernel: { init: 'ones' } },
      },
    ],
    edges: [{ source: 'in', target: 'c' }],
  };
  await page.goto(`/${encodePlainGraphLink(doc)}`);
  await expect(cells(page, 'c channel 0')).toHaveCount(12);
  await cells(page, 'c channel 0').first().click();
  await expect(explanation(page).getByText('cell 1 of 12')).toBeVisible();
  await playerButton(page, 'Step forward').click();
  const window = panelTable(page, 'input image · ch 0').locator('.ex-window');
  await expect(window).toHaveText(['2', '3', '4', '11', '12', '13']);
  await playerButton(page, 'Step forward').click();
  await playerButton(page, 'Step forward').click();
  await playerButton(page, 'Step forward').click();
  // Past the row's end the window jumps two rows down, back to the left.
  await expect(
    explanation(page).getByRole('heading', { name: 'Output cell: row 1, col 0' }),
  ).toBeVisible();
  await expect(window).toHaveText(['18', '19', '20', '27', '28', '29']);
  await expect(explanation(page).locator('.ex-result')).toHaveText(
    String(18 + 19 + 20 + 27 + 28 + 29),
  );
  await snapBoth(page, info);
});

test('several input channels: one product grid and sum per channel, then the total', async ({
  page,
}, info) => {
  await openApp(page);
  await loadSlide(page, '03-rgb-input');
  await cells(page, 'conv channel 0').first().click();
  for (const c of [0, 1, 2])
    await expect(panelTable(page, `products of corresponding cells, ch ${c}`)).toBeVisible();
  await expect(explanation(page).getByText('sum of the channels')).toBeVisible();
  await snapBoth(page, info);
});

test('two filters: the walk follows the chosen filter', async ({ page }, info) => {
  await openApp(page);
  await loadSlide(page, '04-four-channels');
  await cells(page, 'conv channel 1').first().click();
  const picker = explanation(page).getByRole('combobox', { name: 'filter' });
  await expect(picker).toHaveValue('1');
  await expect(panelTable(page, 'output image (filter 1)')).toBeVisible();
  await picker.selectOption('0');
  await expect(panelTable(page, OUTPUT)).toBeVisible();
  await snap(page, info);
});

test('max pooling: the window and the winning cell', async ({ page }, info) => {
  await openApp(page);
  await loadSlide(page, '05-max-pooling');
  await cells(page, 'pool channel 0').nth(1).click();
  await expect(explanation(page).locator('.ex-winner')).toHaveText('5');
  await expect(explanation(page).getByText('max(0, 5, 4, 2) =')).toBeVisible();
  await expect(explanation(page).locator('.ex-result')).toHaveText('5');
  await snapBoth(page, info);
});

test('flatten shows the order; dense the weighted sum; dropout the mask', async ({
  page,
}, info) => {
  await openApp(page);
  await loadSlide(page, '06-flatten');
  await cells(page, 'flatten output').nth(4).click();
  await expect(explanation(page).getByText('element 4 ← row 1, col 1, ch 0: 3')).toBeVisible();
  await snap(page, info, 'flatten');
  await loadSlide(page, '07-dense');
  await cells(page, 'dense output').first().click();
  await expect(
    explanation(page).getByRole('table', { name: 'contributions to unit 0' }),
  ).toBeVisible();
  await expect(explanation(page).getByText('weighted sum')).toBeVisible();
  await snap(page, info, 'dense');
  await loadSlide(page, '08-dropout');
  await cells(page, 'dropout output').first().click();
  await expect(explanation(page).getByText(/units dropped/)).toBeVisible();
  await expect(explanation(page).getByText('1/(1 − 0.5) = 2')).toBeVisible();
  await snapBoth(page, info, 'dropout');
});

test('tracing: a pooled cell lights its receptive field on every upstream map', async ({
  page,
}, info) => {
  await openApp(page);
  await loadSlide(page, '09-pipeline');
  await cells(page, 'pool channel 0').first().click();
  await expect(heatmap(page, 'conv channel 0').locator('.hm-highlight')).toHaveCount(4);
  await expect(heatmap(page, 'conv channel 1').locator('.hm-highlight')).toHaveCount(0);
  await expect(heatmap(page, 'input channel 0').locator('.hm-highlight')).toHaveCount(16);
  await snap(page, info);
});

test('click an input cell and type: Tab moves on, the convolution follows', async ({
  page,
}, info) => {
  await openApp(page);
  await cells(page, 'input channel 0').nth(6).click();
  const field = explanation(page).getByRole('textbox', { name: 'row 1, col 1, ch 0' });
  await expect(field).toBeFocused();
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  await expect(
    explanation(page).getByRole('textbox', { name: 'row 1, col 2, ch 0' }),
  ).toBeFocused();
  await expect(cells(page, 'conv channel 0').first()).toHaveText('7');
  await expect(cells(page, 'input channel 0').nth(6)).toHaveText('5');
  // Escape takes typing back; a word is refused and never reaches the graph.
  await page.keyboard.type('abc');
  await expect(
    explanation(page).getByRole('textbox', { name: 'row 1, col 2, ch 0' }),
  ).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Escape');
  await expect(explanation(page).getByRole('textbox', { name: 'row 1, col 2, ch 0' })).toHaveValue(
    '0',
  );
  await snap(page, info);
});

test('editing the filter cell by cell recomputes only the convolution', async ({ page }, info) => {
  await openApp(page);
  await nodeCard(page, 'Conv2D', 'conv').getByRole('button', { name: 'Explain' }).click();
  const weight = explanation(page).getByRole('textbox', { name: 'filter 0, ch 0, row 1, col 1' });
  await weight.fill('2');
  await weight.press('Enter');
  await expect(cells(page, 'conv channel 0')).toHaveText([
    '4',
    '0',
    '2',
    '0',
    '2',
    '0',
    '2',
    '0',
    '4',
  ]);
  await expect(page.getByRole('status')).toHaveText(/^recomputed 1 of 2 nodes/);
  await snapBoth(page, info);
  // ↑ nudges the weight and commits at once, like a slider: 2 → 4 in two presses.
  await weight.press('ArrowUp');
  await weight.press('ArrowUp');
  await expect(weight).toHaveValue('4');
  await expect(cells(page, 'conv channel 0')).toHaveText([
    '6',
    '0',
    '4',
    '0',
    '2',
    '0',
    '4',
    '0',
    '6',
  ]);
});

test('paint mode sets input cells by dragging', async ({ page }, info) => {
  await openApp(page);
  await nodeCard(page, 'Input', 'input').getByRole('button', { name: 'Edit values' }).click();
  await explanation(page).getByRole('button', { name: 'Paint', exact: true }).click();
  const grid = explanation(page).getByRole('grid', { name: 'input image values, ch 0' });
  const from = await grid.getByRole('button', { name: 'row 4, col 0, ch 0' }).boundingBox();
  const to = await grid.getByRole('button', { name: 'row 4, col 4, ch 0' }).boundingBox();
  if (!from || !to) throw new Error('paint grid not visible');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect(cells(page, 'input channel 0').nth(20)).toHaveText('1');
  await expect(cells(page, 'input channel 0').nth(24)).toHaveText('1');
  await expect(cells(page, 'input channel 0').nth(21)).toHaveText('1');
  await snap(page, info);
});

test('switching to Japanese changes the labels', async ({ page }, info) => {
  await openApp(page);
  await cells(page, 'conv channel 0').first().click();
  await switchLanguage(page, '日本語');
  const panel = explanation(page, '計算の解説');
  await expect(panel.getByRole('heading', { name: '出力のマス目:0行0列' })).toBeVisible();
  await expect(panel.getByRole('button', { name: '再生', exact: true })).toBeVisible();
  await expect(panel.getByRole('button', { name: '1つ進む' })).toBeVisible();
  await expect(panel.getByText('対応するマス目どうしの積', { exact: true })).toBeVisible();
  await expect(panel.getByRole('table', { name: '入力画像 0CH' })).toBeVisible();
  await expect(
    nodeCard(page, 'Conv2D', 'conv').getByRole('button', { name: '手計算の練習' }),
  ).toBeVisible();
  await snapBoth(page, info);
  await switchLanguage(page, 'English');
  await expect(explanation(page).getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});

test('an edit outlines, for a moment, the cells it changed downstream; kept on, it stays', async ({
  page,
}, info) => {
  await openApp(page);
  await cells(page, 'input channel 0').nth(6).click();
  const field = explanation(page).getByRole('textbox', { name: 'row 1, col 1, ch 0' });
  await expect(field).toBeFocused();
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  await expect(cells(page, 'conv channel 0').first()).toHaveText('7');
  // Only output (0, 0) changed (3 → 7): the other windows over the cell weigh it by 0.
  const changed = page
    .getByRole('grid', { name: 'conv channel 0', exact: true })
    .locator('.hm-changed');
  await expect(changed).toHaveText(['7']);
  await snap(page, info);
  await expect(changed).toHaveCount(0, { timeout: 5000 });
  await page.getByRole('checkbox', { name: 'Keep changes outlined' }).check();
  await cells(page, 'input channel 0').nth(6).click();
  await expect(field).toBeFocused();
  await page.keyboard.type('2');
  await page.keyboard.press('Tab');
  await expect(changed).toHaveText(['4']);
  await page.waitForTimeout(2500);
  await expect(changed).toHaveText(['4']);
});
