import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
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

test('a teacher adds a graph as a step in Japanese, exports, imports elsewhere, links step 3', async ({
  page,
  browser,
}, info) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Lesson', exact: true }).click();
  await lessonPanel(page).locator('.ls-step').click();
  await nextStep(page, 2);
  // The teacher's own graph: slide 4's max pooling, picked from the presets.
  await page.getByRole('combobox', { name: 'preset', exact: true }).selectOption('05-max-pooling');
  await expect(cells(page, 'pool channel 0')).toHaveText(['3', '5', '5', '4']);
  await lessonPanel(page).getByRole('button', { name: 'Edit lesson' }).click();
  await lessonPanel(page).getByRole('button', { name: 'Add this graph as a step' }).click();
  await expect(lessonPanel(page).getByText(`Step 3 of ${STEPS + 1}`)).toBeVisible();
  const title = lessonPanel(page).getByRole('textbox', { name: 'Title (Japanese)' });
  await title.fill('最大値プーリング');
  await title.press('Tab');
  const narration = lessonPanel(page).getByRole('textbox', { name: 'Narration (Japanese)' });
  await narration.fill('2×2のブロックごとに最大値を残します。');
  await narration.press('Tab');
  const download = page.waitForEvent('download');
  await lessonPanel(page).getByRole('button', { name: 'Export lesson' }).click();
  const file = await download;
  const text = readFileSync((await file.path())!, 'utf8');
  const exported = JSON.parse(text) as {
    id: string;
    steps: { title: { ja?: string }; graph?: { nodes: { id: string }[] } }[];
  };
  expect(exported.id).not.toBe('deck');
  expect(exported.steps).toHaveLength(STEPS + 1);
  expect(exported.steps[2]!.title.ja).toBe('最大値プーリング');
  expect(exported.steps[2]!.graph!.nodes.map((n) => n.id)).toEqual(['input', 'pool']);
  await snap(page, info, 'authoring');

  // Elsewhere: import the file, go to step 3, copy its link, open the link.
  const fresh = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'ja-JP',
  });
  await fresh.grantPermissions(['clipboard-read', 'clipboard-write']);
  const other = await fresh.newPage();
  await other.goto('/');
  await other.getByRole('button', { name: 'レッスン', exact: true }).click();
  const panel = lessonPanel(other, 'レッスン');
  await panel.getByRole('button', { name: 'レッスンを編集' }).click();
  // A hostile file first: refused with the reason, the lesson kept.
  const chooser = other.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'レッスンを開く…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'huge.lesson.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...exported, steps: new Array(1_000_000).fill(0) })),
  });
  await expect(panel.getByRole('alert')).toHaveText(
    /huge\.lesson\.json .*at most 200 steps, got 1000000/,
  );
  await expect(panel.getByText(`ステップ 1 / ${STEPS}`)).toBeVisible();
  const chooser2 = other.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'レッスンを開く…' }).click();
  await (
    await chooser2
  ).setFiles({
    name: file.suggestedFilename(),
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(panel.getByText(`ステップ 1 / ${STEPS + 1}`)).toBeVisible();
  await panel.locator('summary').click();
  await panel.getByRole('button', { name: '最大値プーリング' }).click();
  await expect(panel.getByRole('heading', { name: '最大値プーリング' })).toBeVisible();
  await expect(cells(other, 'pool チャンネル0')).toHaveText(['3', '5', '5', '4']);
  await panel.getByRole('button', { name: 'レッスンのリンクをコピー' }).click();
  const link = await other.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/&step=3$/);
  const third = await fresh.newPage();
  await third.goto(link);
  await expect(
    lessonPanel(third, 'レッスン').getByRole('heading', { name: '最大値プーリング' }),
  ).toBeVisible();
  await expect(
    lessonPanel(third, 'レッスン').getByText('2×2のブロックごとに最大値を残します。'),
  ).toBeVisible();
  await expect(cells(third, 'pool チャンネル0')).toHaveText(['3', '5', '5', '4']);
  await snap(third, info, 'ja-linked-step-3');
  await fresh.close();
});

test('presenter view: the narration large beside the fitted graph, its text size adjustable', async ({
  page,
}, info) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await openApp(page);
  await page.getByRole('button', { name: 'Lesson', exact: true }).click();
  await lessonPanel(page).locator('.ls-step').click();
  await nextStep(page, 2);
  await nextStep(page, 3);
  const narration = lessonPanel(page).locator('.ls-narration');
  const size = async () =>
    parseFloat(await narration.evaluate((e) => getComputedStyle(e).fontSize));
  const normal = await size();
  await lessonPanel(page).getByRole('button', { name: 'Present' }).click();
  await expect(lessonPanel(page).getByRole('button', { name: 'Present' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect.poll(size).toBeGreaterThan(normal * 1.4);
  const big = await size();
  await lessonPanel(page).getByRole('button', { name: 'A+' }).click();
  await expect.poll(size).toBeGreaterThan(big);
  // The palette makes room; the graph is still all on screen.
  await expect(page.getByRole('navigation', { name: 'Add a node' })).toBeHidden();
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_2);
  await expect(cells(page, 'conv channel 0').last()).toBeInViewport();
  await nextStep(page, 4);
  await page.waitForTimeout(600); // the fit's animation, for the picture
  await snap(page, info, 'presenter');
  await lessonPanel(page).getByRole('button', { name: 'Present' }).click();
  await expect.poll(size).toBe(normal);
});
