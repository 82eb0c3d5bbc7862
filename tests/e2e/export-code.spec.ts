import type { Page } from '@playwright/test';
import { snap } from './screenshot.ts';
import { expect, loadPreset, nodeCard, notice, openApp, test } from './helpers.ts';

const PRESET_KEYS = [
  '01-conv-valid',
  '02-conv-same',
  '03-rgb-input',
  '04-four-channels',
  '05-max-pooling',
  '06-flatten',
  '07-dense',
  '08-dropout',
  '09-pipeline',
];

function exportDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Export as code' });
}

test('Export code shows Keras and TensorFlow.js code for every preset', async ({ page }, info) => {
  await openApp(page);
  for (const key of PRESET_KEYS) {
    await loadPreset(page, key);
    await page.getByRole('button', { name: 'Export code' }).click();
    const dialog = exportDialog(page);
    await expect(dialog.getByRole('tab', { name: 'Keras (Python)' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(dialog.getByRole('tabpanel')).toContainText('def build_model():');
    await dialog.getByRole('tab', { name: 'TensorFlow.js' }).click();
    const code = dialog.getByRole('tabpanel');
    await expect(code).toContainText('export function buildModel()');
    await expect(code).toContainText(/tf\.(sequential|model)\(/);
    await expect(dialog.getByRole('button', { name: 'Download model.mjs' })).toBeEnabled();
    if (key === '09-pipeline') await snap(page, info);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  }
});

test('Copy puts the code on the clipboard; Download saves model.py', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await page.getByRole('button', { name: 'Export code' }).click();
  const dialog = exportDialog(page);
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByText('Copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('keras.Sequential');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download model.py' }).click();
  expect((await download).suggestedFilename()).toBe('model.py');
});

test('a graph with a node error is refused with the reason, nothing to copy', async ({ page }) => {
  await openApp(page);
  const conv = nodeCard(page, 'Conv2D', 'conv');
  await conv.getByRole('spinbutton', { name: 'kernelSize height' }).fill('7');
  await expect(conv.locator('.cf-node-error')).toBeVisible();
  await page.getByRole('button', { name: 'Export code' }).click();
  const dialog = exportDialog(page);
  await expect(dialog.getByText(/^This graph cannot be exported yet: node "conv"/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Copy' })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Download model.py' })).toBeDisabled();
});

/** A tfjs layers model.json: an 8×8 input and one Conv2D `conv`, its weights in one shard. */
function modelJson(extraLayer?: object) {
  const layers = [
    { class_name: 'InputLayer', config: { batch_input_shape: [null, 8, 8, 1], name: 'pixels' } },
    {
      class_name: 'Conv2D',
      config: { name: 'conv', filters: 1, kernel_size: [3, 3], strides: [1, 1], padding: 'valid' },
    },
    ...(extraLayer ? [extraLayer] : []),
  ];
  return JSON.stringify({
    format: 'layers-model',
    modelTopology: { class_name: 'Sequential', config: { name: 'tiny', layers } },
    weightsManifest: [
      {
        paths: ['group1-shard1of1.bin'],
        weights: [
          { name: 'conv/kernel', shape: [3, 3, 1, 1], dtype: 'float32' },
          { name: 'conv/bias', shape: [1], dtype: 'float32' },
        ],
      },
    ],
  });
}

test('Import model reads model.json and its weights; an unsupported layer is named', async ({
  page,
}, info) => {
  await openApp(page);
  const picker = page.getByLabel(
    'Import a TensorFlow.js model: model.json and its .bin weight files',
  );
  // The slides' diagonal filter and a zero bias, as float32.
  const weights = Buffer.from(Float32Array.of(0, 0, 1, 0, 1, 0, 1, 0, 0, 0).buffer);
  await picker.setInputFiles([
    { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(modelJson()) },
    { name: 'group1-shard1of1.bin', mimeType: 'application/octet-stream', buffer: weights },
  ]);
  await expect(notice(page, 'Imported "model.json" as 2 nodes.')).toBeVisible();
  const conv = nodeCard(page, 'Conv2D', 'conv');
  await expect(conv.getByTitle('output shape')).toHaveText('6×6×1');
  await expect(conv.getByRole('combobox', { name: 'classic filter' })).toHaveValue('diagonal');
  await snap(page, info);

  const bn = { class_name: 'BatchNormalization', config: { name: 'bn' } };
  await picker.setInputFiles([
    { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(modelJson(bn)) },
  ]);
  await expect(
    notice(page, /^Cannot import "model\.json": unsupported layer "bn" \(BatchNormalization\)/),
  ).toBeVisible();
  await expect(conv.getByTitle('output shape')).toHaveText('6×6×1');
  await picker.setInputFiles([
    { name: 'weights.bin', mimeType: 'application/octet-stream', buffer: weights },
  ]);
  await expect(
    notice(page, 'Choose a model.json, and its .bin weight files for the trained weights.'),
  ).toBeVisible();
});
