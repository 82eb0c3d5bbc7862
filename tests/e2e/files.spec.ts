import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { snap } from './screenshot.ts';
import {
  canvasPane,
  cells,
  expect,
  loadPreset,
  nodeCard,
  notice,
  openApp,
  SLIDE_SAME,
  test,
} from './helpers.ts';
import { headerButton, presetDoc } from './share-helpers.ts';

/** Drop a file on the canvas as the operating system's file manager would. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([n, t]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: 'application/json' }));
      return dt;
    },
    [name, text] as const,
  );
  const pane = canvasPane(page);
  await pane.dispatchEvent('dragenter', { dataTransfer: transfer });
  await pane.dispatchEvent('dragover', { dataTransfer: transfer });
  await pane.dispatchEvent('drop', { dataTransfer: transfer });
}

async function importFile(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await headerButton(page, 'Import .json').click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('Export then Import round-trips the graph; import is one undo step', async ({
  page,
}, info) => {
  await openApp(page);
  await loadPreset(page, '02-conv-same');
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_SAME);
  const download = page.waitForEvent('download');
  await headerButton(page, 'Export .json').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("padding 'same'- Conv2D keeps the size.json");
  const text = readFileSync((await file.path())!, 'utf8');
  expect(JSON.parse(text)).toEqual(presetDoc('02-conv-same'));
  expect(text).toContain('"shape": [5, 5, 1]');

  await loadPreset(page, '05-max-pooling');
  await expect(nodeCard(page, 'Conv2D', 'conv')).toHaveCount(0);
  await importFile(page, file.suggestedFilename(), text);
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_SAME);
  await expect(page.getByRole('combobox', { name: 'preset', exact: true })).toHaveValue(
    '02-conv-same',
  );
  await snap(page, info);
  await headerButton(page, 'Undo').click();
  await expect(page.getByRole('combobox', { name: 'preset', exact: true })).toHaveValue(
    '05-max-pooling',
  );
});

test('a .json file dropped on the canvas opens; palette drops still add nodes', async ({
  page,
}) => {
  await openApp(page);
  await dropFile(page, 'same.json', JSON.stringify(presetDoc('02-conv-same')));
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_SAME);
  await page
    .getByRole('navigation', { name: 'Add a node' })
    .getByRole('button', { name: 'Flatten', exact: true })
    .dragTo(canvasPane(page), { targetPosition: { x: 200, y: 150 } });
  await expect(nodeCard(page, 'Flatten', 'flatten_1')).toBeVisible();
});

const BAD: [string, string, RegExp][] = [
  ['notes.json', 'not a graph {', /^Could not open "notes\.json": not JSON: /],
  [
    'old.json',
    '{"format":"convflow-graph","version":2,"nodes":[],"edges":[]}',
    /^Could not open "old\.json": version: expected 1 \(the only version this build reads\)\. Your graph is unchanged\.$/,
  ],
  [
    'cycle.json',
    JSON.stringify({
      ...presetDoc('07-dense'),
      edges: [...presetDoc('07-dense').edges, { source: 'dense', target: 'flatten' }],
    }),
    /^Could not open "cycle\.json": .*Your graph is unchanged\.$/,
  ],
];

for (const [name, text, message] of BAD) {
  test(`a bad file (${name}) says why and the graph stays`, async ({ page }, info) => {
    await openApp(page);
    await nodeCard(page, 'Conv2D', 'conv')
      .getByRole('combobox', { name: 'padding' })
      .selectOption('same');
    await importFile(page, name, text);
    await expect(notice(page, message)).toBeVisible();
    await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_SAME);
    await dropFile(page, name, text);
    await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_SAME);
    if (name === 'notes.json') await snap(page, info);
  });
}
