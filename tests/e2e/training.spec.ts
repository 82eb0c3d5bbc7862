import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, nodeCard, openApp, test } from './helpers.ts';
import { snap } from './screenshot.ts';

/**
 * Training on the canvas: the "Learn to read digits" preset opens the Train panel; Start
 * fetches the MNIST asset and trains in the training worker while the maps follow the
 * watched sample; Pause stops between slices; a finished run leaves its weights in the graph.
 */
test.beforeEach(async ({ page }) => {
  await openApp(page);
  const picker = page.getByLabel('preset');
  const learn = (await picker.locator('option').allTextContents()).find((o) =>
    o.startsWith('Learn to read digits'),
  );
  await picker.selectOption({ label: learn! });
  await expect(page.getByRole('complementary', { name: 'Train the network' })).toBeVisible();
});

test('train one epoch of LeNet on MNIST: progress, live maps, charts, test accuracy', async ({
  page,
}, info) => {
  const panel = page.getByRole('complementary', { name: 'Train the network' });
  await panel.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
  const datasetRequests: string[] = [];
  page.on('request', (r) => r.url().includes('datasets/') && datasetRequests.push(r.url()));
  await panel.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(panel.getByText(/^Done: the trained weights are in the graph/)).toBeVisible({
    timeout: 45_000,
  });
  expect(datasetRequests).toHaveLength(1);
  await expect(panel.getByText(/Epoch 1 of 1 · batch 250 of 250/)).toBeVisible();
  // Done, the graph computes its own Input again, with the trained weights: no longer live.
  await expect(nodeCard(page, 'Conv2D', 'conv1').getByText('live', { exact: true })).toHaveCount(0);
  await panel.getByText('The numbers').click();
  const row = panel.getByRole('row', { name: /^1 / });
  const testAccuracy = Number((await row.getByRole('cell').nth(3).textContent())!.replace('%', ''));
  // The preset's seed and one epoch of Adam: the CLI measures 92.05 % on the same engine.
  expect(testAccuracy).toBeGreaterThan(90);
  await expect(panel.getByText(/label \d · predicted \d · (right|wrong)/)).toBeVisible();
  // Done: the next sample goes onto the Input, and the output's bars judge it.
  await panel.getByRole('button', { name: 'Next sample' }).click();
  await expect(panel.getByText(/^test sample 2 of 2000/)).toBeVisible();
  const bars = nodeCard(page, 'Dense', 'class').getByRole('figure', { name: 'Prediction' });
  await expect(bars.getByText(/^predicted \d \(\d+%\) · label 1 · (right|wrong)$/)).toBeVisible();
  // The CLI, given the document as the page exports it, reads that sample the same way.
  const shown = (await bars.getByText(/^predicted \d/).textContent())!;
  const trained = await exportedDocument(page);
  const cli = cliPrediction(trained);
  expect(shown).toMatch(new RegExp(`^predicted ${cli.predicted} \\(${cli.percent}%\\)`));
  // Undo after training: the sample, then the run's weights, go back to the preset's.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  const before = await exportedDocument(page);
  const kernelOf = (doc: Doc, id: string) => doc.nodes.find((n) => n.id === id)!.params.kernel;
  const preset = JSON.parse(readFileSync('presets/10-learn-digits.json', 'utf8')) as Doc;
  for (const id of ['conv1', 'conv2', 'class']) {
    expect(kernelOf(trained, id)).toHaveProperty('data');
    expect(kernelOf(before, id)).toEqual(kernelOf(preset, id));
  }
  // …and Redo brings the trained weights back.
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  expect(kernelOf(await exportedDocument(page), 'class')).toEqual(kernelOf(trained, 'class'));
  await expect(
    nodeCard(page, 'Conv2D', 'conv1').getByRole('figure', {
      name: /^filters: 8 × 1 input channels/,
    }),
  ).toBeVisible();
  // Where it goes wrong: the confusion matrix; a cell's samples go onto the Input.
  await panel.getByRole('button', { name: 'Confusion matrix of the test digits' }).click();
  const matrix = panel.getByRole('table', { name: /^Test digits: rows are the label/ });
  await expect(matrix).toBeVisible();
  // Every test digit is counted once: the cells add up to the test split's 2,000.
  const counts = await matrix
    .getByRole('button', { name: /labelled \d, read as \d:$/ })
    .allTextContents();
  expect(counts).toHaveLength(100);
  expect(counts.reduce((a, c) => a + Number(c), 0)).toBe(2000);
  await matrix.getByRole('button', { name: /^\d+ labelled 7, read as 7:$/ }).click();
  await panel
    .getByRole('button', { name: /^#\d+$/ })
    .first()
    .click();
  await expect(panel.getByText(/^label 7 · predicted \d · (right|wrong)/)).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'The most confident mistakes' })).toBeVisible();
  // Only threes: the sample jumps to the first 3, and next stays among threes.
  await panel.getByRole('combobox', { name: 'only' }).selectOption('3');
  await expect(panel.getByText(/^label 3 · predicted \d/)).toBeVisible();
  await panel.getByRole('button', { name: 'Next sample' }).click();
  await expect(panel.getByText(/^label 3 · predicted \d/)).toBeVisible();
  await snap(page, info);
});

test('pause stops the run between slices; resume goes on', async ({ page }) => {
  const panel = page.getByRole('complementary', { name: 'Train the network' });
  // Long enough that it cannot end before the pause, on any machine.
  await panel.getByRole('spinbutton', { name: 'Epochs' }).fill('50');
  await panel.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(panel.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByText(/^Epoch \d+ of 50 · batch \d+ of 250/)).toBeVisible({
    timeout: 20_000,
  });
  // While it runs, the chain's maps follow the watched sample.
  await expect(nodeCard(page, 'Conv2D', 'conv1').getByText('live', { exact: true })).toBeVisible();
  await panel.getByRole('button', { name: 'Pause' }).click();
  await expect(panel.getByText(/^Paused: the weights are in the graph/)).toBeVisible();
  // A slice's report may still be on its way when the pause is answered.
  await page.waitForTimeout(500);
  const position = await panel.getByText(/^Epoch \d+ of 50/).textContent();
  await page.waitForTimeout(1000);
  expect(await panel.getByText(/^Epoch \d+ of 50/).textContent()).toBe(position);
  await panel.getByRole('button', { name: 'Step one batch' }).click();
  await expect(panel.getByText(/^Epoch \d+ of 50/)).not.toHaveText(position!);
  await panel.getByRole('button', { name: 'Resume' }).click();
  await expect(panel.getByRole('button', { name: 'Pause' })).toBeVisible();
});

test('draw and be read: the trained LeNet reads a 1 drawn small in a corner', async ({
  page,
}, info) => {
  const picker = page.getByLabel('preset');
  const trained = (await picker.locator('option').allTextContents()).find((o) =>
    o.startsWith('A trained LeNet'),
  );
  await picker.selectOption({ label: trained! });
  const bars = nodeCard(page, 'Dense', 'class').getByRole('figure', { name: 'Prediction' });
  // The preset's own Input is a 7, and read as one; the stroke below changes that.
  await expect(bars.getByText(/^predicted 7 \(\d+%\)$/)).toBeVisible();
  await page.getByRole('button', { name: 'Draw: open the drawing pad for digit' }).click();
  const pad = page.getByRole('dialog', { name: 'Drawing pad · digit' });
  await expect(pad.getByText(/^Drawn like an MNIST digit/)).toBeVisible();
  await pad.getByRole('button', { name: 'Clear' }).click();
  const drawing = pad.getByLabel('drawing of digit, 28×28');
  const box = (await drawing.boundingBox())!;
  const at = (fx: number, fy: number) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  // A short vertical stroke near the top left: scaled and centred, it is a 1.
  await page.mouse.move(...at(0.2, 0.1));
  await page.mouse.down();
  await page.mouse.move(...at(0.21, 0.4), { steps: 10 });
  await page.mouse.up();
  await expect(bars.getByText(/^predicted 1 \(\d+%\)$/)).toBeVisible();
  // Why it said that: the maps turn into gradients, the drawing's own saliency map first.
  await pad.getByRole('button', { name: 'Close the drawing pad' }).click();
  const panel = page.getByRole('complementary', { name: 'Train the network' });
  await panel.getByRole('checkbox', { name: /^Why it said that/ }).check();
  await expect(nodeCard(page, 'Input', 'digit').locator('.cf-live-gradient')).toBeVisible();
  await expect(nodeCard(page, 'Conv2D', 'conv1').locator('.cf-live-gradient')).toBeVisible();
  await snap(page, info);
});

test('the trained LeNet as a link: a fresh context reads the same digit the same way', async ({
  page,
  browser,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByLabel('preset').selectOption('11-trained-lenet');
  const bars = (p: typeof page) =>
    nodeCard(p, 'Dense', 'class').getByRole('figure', { name: 'Prediction' }).locator('figcaption');
  await expect(bars(page)).toHaveText(/^predicted 7 \(\d+%\)$/);
  const verdict = await bars(page).textContent();
  await page.getByRole('button', { name: 'Copy link' }).click();
  // The link is on the clipboard once the notice says so (the codec loads on first use).
  await expect(page.getByText(/^Link copied \(\d+ characters\)/)).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#graph=z1\./);
  const fresh = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
  });
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(bars(other)).toHaveText(verdict!);
  await fresh.close();
});

test('in Japanese: the Train panel trains and speaks the deck’s words', async ({ page }) => {
  await page
    .getByRole('combobox', { name: 'Language', exact: true })
    .selectOption({ label: '日本語' });
  const panel = page.getByRole('complementary', { name: 'ネットワークを学習する' });
  await panel.getByRole('spinbutton', { name: 'エポック数' }).fill('1');
  await panel.getByRole('button', { name: '開始', exact: true }).click();
  await expect(panel.getByText(/^完了:学習した重みはグラフに入っています/)).toBeVisible({
    timeout: 45_000,
  });
  await expect(panel.getByText(/^エポック 1\/1 · バッチ 250\/250/)).toBeVisible();
  await expect(panel.getByText(/^正解 \d · 予測 \d · (正解|不正解)$/)).toBeVisible();
});

interface Doc {
  nodes: { id: string; params: { kernel?: unknown } }[];
}

/** The graph as the header's Export .json saves it. */
async function exportedDocument(page: Page): Promise<Doc> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export .json' }).click();
  const file = await download;
  return JSON.parse(readFileSync((await file.path())!, 'utf8')) as Doc;
}

/** What `convflow eval` computes for the document's own Input: the class and its percent. */
function cliPrediction(doc: Doc): { predicted: number; percent: string } {
  const path = join(tmpdir(), `convflow-e2e-${process.pid}.json`);
  writeFileSync(path, JSON.stringify(doc));
  const out = execFileSync('npx', ['tsx', 'src/cli/main.ts', 'eval', path], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const scores = (JSON.parse(out) as { outputs: Record<string, { data: number[] }> }).outputs.class!
    .data;
  const predicted = scores.indexOf(Math.max(...scores));
  // As the prediction bars round it.
  return { predicted, percent: (scores[predicted]! * 100).toFixed(0) };
}
