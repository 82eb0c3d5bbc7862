import type { Page } from '@playwright/test';
import { cells, expect, nodeCard, openApp, statusLine, test } from './helpers.ts';
import { explanation } from './explain-helpers.ts';
import { snap } from './screenshot.ts';

/**
 * The deck lesson, played as a learner would: started from the header, stepped through with
 * the keyboard, each slide's graph computed with the slide's numbers; a hand calculation
 * marked right and wrong and remembered across a reload; a link to step 3 opened elsewhere.
 */
const SLIDE_1 = ['3', '0', '1', '0', '2', '0', '1', '0', '3'];
const SLIDE_2 = '0 0 2 0 1 0 3 0 1 0 2 0 2 0 2 0 1 0 3 0 1 0 2 0 0'.split(' ');
const STEPS = 15;

const lessonPanel = (page: Page, name = 'Lesson') =>
  page.getByRole('complementary', { name, exact: true });
const counter = (page: Page, k: number) =>
  lessonPanel(page).getByText(`Step ${k} of ${STEPS}`, { exact: true });

/** Press → (away from any field) and wait for the step. */
async function nextStep(page: Page, k: number) {
  await page.keyboard.press('ArrowRight');
  await expect(counter(page, k)).toBeVisible();
}

test('step through the deck with the keyboard: every slide computes its numbers', async ({
  page,
}, info) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Lesson', exact: true }).click();
  await expect(counter(page, 1)).toBeVisible();
  await expect(
    lessonPanel(page).getByRole('heading', { name: 'Convolution: the filter slides' }),
  ).toBeVisible();
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_1);
  // The step opens the explain view on the first output cell, the window over the input.
  await expect(explanation(page).getByText('Output cell: row 0, col 0')).toBeVisible();
  await snap(page, info, 'step-1');
  // The explain panel has the keyboard's arrows only inside its grids: → is the lesson's.
  await page.locator('.ls-step').click();
  await nextStep(page, 2);
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_1);
  await nextStep(page, 3);
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_2);
  await nextStep(page, 4);
  // The hand calculation: three cells of slide 2 hidden behind answer boxes.
  await expect(
    page.getByRole('grid', { name: 'conv exercise, ch 0' }).getByRole('textbox'),
  ).toHaveCount(3);
  await page.locator('.ls-step').click();
  await nextStep(page, 5);
  await expect(nodeCard(page, 'Input', 'input').getByText('5×5×3')).toBeVisible();
  await nextStep(page, 6);
  await expect(nodeCard(page, 'Conv2D', 'conv').getByText('3×3×2')).toBeVisible();
  await nextStep(page, 7);
  await expect(cells(page, 'pool channel 0')).toHaveText(['3', '5', '5', '4']);
  await page.locator('.ls-step').click();
  await nextStep(page, 8);
  await expect(cells(page, 'flatten output')).toHaveText('2 1 4 5 3 2 0 2 3'.split(' '));
  for (let k = 9; k <= STEPS; k++) {
    // Page Down, as a presentation clicker sends it.
    await page.locator('.ls-step').click();
    await page.keyboard.press('PageDown');
    await expect(counter(page, k)).toBeVisible();
    await expect(statusLine(page)).toHaveText(/^recomputed \d+ of \d+ nodes/);
  }
  // The last step: the trained LeNet reads its own 7.
  await expect(
    nodeCard(page, 'Dense', 'class')
      .getByRole('figure', { name: 'Prediction' })
      .getByText(/^predicted 7/),
  ).toBeVisible();
  await expect(lessonPanel(page).getByRole('button', { name: 'Next →' })).toBeDisabled();
  // ← and Page Up go back.
  await page.locator('.ls-step').click();
  await page.keyboard.press('PageUp');
  await expect(counter(page, STEPS - 1)).toBeVisible();
});

test('a hand calculation is marked, kept across a reload, and reset on request', async ({
  page,
}, info) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Lesson', exact: true }).click();
  await lessonPanel(page).getByText(`Step 1 of ${STEPS}`).click();
  await lessonPanel(page).getByRole('button', { name: 'Compute it by hand' }).click();
  await expect(counter(page, 4)).toBeVisible();
  const box = (row: number, col: number) =>
    page
      .getByRole('grid', { name: 'conv exercise, ch 0', exact: true })
      .getByRole('textbox', { name: `answer, row ${row}, col ${col}`, exact: true });
  await box(0, 2).fill('2');
  await box(0, 2).press('Enter');
  await expect(box(0, 2)).toHaveAccessibleDescription('right');
  await box(1, 1).fill('4');
  await box(1, 1).press('Enter');
  await expect(box(1, 1)).toHaveAccessibleDescription('wrong');
  await expect(nodeCard(page, 'Conv2D', 'conv').getByText('1 of 3 right')).toBeVisible();
  await snap(page, info, 'marked');

  await page.reload();
  await expect(counter(page, 4)).toBeVisible();
  await expect(box(0, 2)).toHaveValue('2');
  await expect(box(0, 2)).toHaveAccessibleDescription('right');
  await expect(box(1, 1)).toHaveValue('4');
  await expect(nodeCard(page, 'Conv2D', 'conv').getByText('1 of 3 right')).toBeVisible();
  // The contents mark the steps seen before.
  await lessonPanel(page).locator('summary').click();
  const visited = lessonPanel(page).getByRole('button', {
    name: /^Convolution: the filter slides/,
  });
  await expect(visited.getByLabel('visited')).toHaveCount(1);

  await lessonPanel(page).getByRole('button', { name: 'Reset this step' }).click();
  await expect(box(0, 2)).toHaveValue('');
  await expect(nodeCard(page, 'Conv2D', 'conv').getByText('0 of 3 right')).toBeVisible();
});

test('a link to step 3 opens the same graph in a fresh context; a damaged one keeps the graph', async ({
  page,
  browser,
}, info) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await page.getByRole('button', { name: 'Lesson', exact: true }).click();
  await lessonPanel(page).getByText(`Step 1 of ${STEPS}`).click();
  await lessonPanel(page).getByRole('button', { name: "padding='same' keeps the size" }).click();
  await expect(counter(page, 3)).toBeVisible();
  await lessonPanel(page).getByRole('button', { name: 'Copy lesson link' }).click();
  await expect(lessonPanel(page).getByRole('status')).toHaveText(/on the clipboard/);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#lesson=z1\.[A-Za-z0-9_-]+&step=3$/);

  const fresh = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'ja-JP',
  });
  const other = await fresh.newPage();
  await other.goto(link);
  // A Japanese browser gets the Japanese interface, the lesson's Japanese narration with it.
  await expect(lessonPanel(other, 'レッスン').getByText(`ステップ 3 / ${STEPS}`)).toBeVisible();
  await expect(
    lessonPanel(other, 'レッスン').getByRole('heading', { name: "padding='same':サイズを保つ" }),
  ).toBeVisible();
  await expect(cells(other, 'conv チャンネル0')).toHaveText(SLIDE_2);
  await snap(other, info, 'ja-step-3');

  // A damaged lesson link: the reason, and the graph that was there stays.
  await other.goto(`${link.split('#')[0]}#lesson=z1.AAAA&step=2`);
  await expect(
    other.getByText(/レッスンのリンクを開けませんでした: link is damaged/),
  ).toBeVisible();
  await expect(cells(other, 'conv チャンネル0')).toHaveText(SLIDE_2);
  await fresh.close();
});
