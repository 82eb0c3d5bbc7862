import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import {
  cells,
  expect,
  moveNode,
  nodeCard,
  notice,
  openApp,
  recomputed,
  SLIDE_SAME,
  statusLine,
  test,
} from './helpers.ts';
import { longestTasks, report } from './main-thread-probe.ts';
import { snap } from './screenshot.ts';
import { headerButton, savedMeta } from './share-helpers.ts';

/** Values a Lehmer generator spreads out: deflate cannot shrink them much. */
function lehmer(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

/** Write `graph` as a file to import (Playwright refuses buffers over 50 MB). */
function graphFile(name: string, graph: object): string {
  const path = join(tmpdir(), name);
  writeFileSync(path, JSON.stringify(graph));
  return path;
}

/** Input 96×96×1 → Flatten → Dense 1024 with explicit weights: 9,437,184 values, 56 MB. */
function denseFile(): string {
  const random = lehmer(7);
  const inputs = 96 * 96;
  const data = new Array<number>(inputs * 1024);
  for (let i = 0; i < data.length; i++) data[i] = Math.round(random() * 100) / 1000;
  return graphFile('convflow-dense-9216x1024.json', {
    format: 'convflow-graph',
    version: 1,
    nodes: [
      {
        id: 'x',
        type: 'Input',
        params: { tensor: { shape: [96, 96, 1], data: new Array(inputs).fill(0.5) } },
      },
      { id: 'flat', type: 'Flatten', position: { x: 300, y: 0 } },
      {
        id: 'fc',
        type: 'Dense',
        position: { x: 600, y: 0 },
        params: { units: 1024, kernel: { shape: [inputs, 1024], data } },
      },
    ],
    edges: [
      { source: 'x', target: 'flat' },
      { source: 'flat', target: 'fc' },
    ],
  });
}

/** Input 224×224×3 of noise → Conv2D 8 (3×3 same): 150,528 explicit values. */
function photoFile(): string {
  const random = lehmer(3);
  const data = Array.from({ length: 224 * 224 * 3 }, () => Math.round(random() * 1000) / 1000);
  return graphFile('convflow-photo-224.json', {
    format: 'convflow-graph',
    version: 1,
    nodes: [
      { id: 'photo', type: 'Input', params: { tensor: { shape: [224, 224, 3], data } } },
      {
        id: 'conv',
        type: 'Conv2D',
        position: { x: 400, y: 0 },
        params: { filters: 8, kernelSize: [3, 3], padding: 'same' },
      },
    ],
    edges: [{ source: 'photo', target: 'conv' }],
  });
}

async function importPath(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await headerButton(page, 'Import .json').click();
  await (await chooser).setFiles(path);
}

/** Wait for a save newer than `after` (its `savedAt`); returns the new one's. */
async function nextSave(page: Page, after: number): Promise<number> {
  let savedAt = after;
  await expect
    .poll(async () => (savedAt = (await savedMeta(page))?.savedAt ?? 0), { timeout: 60_000 })
    .toBeGreaterThan(after);
  return savedAt;
}

/**
 * Drag a node (an edit that computes nothing), then time only the save that follows it:
 * the page's part of saving, whatever the graph's size.
 */
async function saveAfterMove(page: Page, card: Locator, info: TestInfo, after: number) {
  const box = (await card.boundingBox())!;
  await moveNode(page, card, { x: box.x + 60, y: box.y + 40 });
  let savedAt = after;
  const tasks = await longestTasks(page.context().browser()!, page, info, async () => {
    savedAt = await nextSave(page, after);
  });
  report('a save alone (after a node drag)', tasks);
  return savedAt;
}

test('a Dense 9216→1024 file (9.4 M weights) is kept in IndexedDB and back after a reload', async ({
  page,
  browser,
}, info) => {
  test.setTimeout(300_000);
  const path = denseFile();
  await openApp(page);
  const fc = nodeCard(page, 'Dense', 'fc');
  let saved = 0;
  const importing = await longestTasks(browser, page, info, async () => {
    await importPath(page, path);
    await expect(statusLine(page)).toHaveText(recomputed(3, 3), { timeout: 60_000 });
    saved = await nextSave(page, saved);
  });
  report('import, then its save', importing);
  await expect(notice(page, /It is saved in this browser \(IndexedDB\)/)).toBeVisible();
  await snap(page, info);
  expect(await page.evaluate(() => location.hash)).toBe('');

  const editing = await longestTasks(browser, page, info, async () => {
    await fc.getByRole('combobox', { name: 'activation' }).selectOption('relu');
    await expect(statusLine(page)).toHaveText(recomputed(1, 3));
    saved = await nextSave(page, saved);
  });
  report('activation edit, then its save', editing);
  saved = await saveAfterMove(page, fc, info, saved);

  const reloading = await longestTasks(browser, page, info, async () => {
    await page.reload();
    await expect(fc.getByRole('combobox', { name: 'activation' })).toHaveValue('relu', {
      timeout: 60_000,
    });
    await expect(statusLine(page)).toHaveText(recomputed(3, 3), { timeout: 60_000 });
  });
  report('reload', reloading);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a 224×224×3 input: 20 edits, the save that follows, and a reload', async ({
  page,
  browser,
}, info) => {
  test.setTimeout(120_000);
  await openApp(page);
  await importPath(page, photoFile());
  const conv = nodeCard(page, 'Conv2D', 'conv');
  await expect(statusLine(page)).toHaveText(recomputed(2, 2), { timeout: 30_000 });
  let saved = await nextSave(page, 0);
  const activation = conv.getByRole('combobox', { name: 'activation' });
  const editing = await longestTasks(browser, page, info, async () => {
    for (let i = 0; i < 20; i++) await activation.selectOption(i % 2 === 0 ? 'relu' : 'tanh');
    saved = await nextSave(page, saved);
  });
  report('20 activation edits and the save', editing);
  await saveAfterMove(page, conv, info, saved);
  await page.reload();
  await expect(activation).toHaveValue('tanh');
});

test('an edit right before a reload is not lost: the page stores it as it goes', async ({
  page,
}) => {
  await openApp(page);
  await nodeCard(page, 'Conv2D', 'conv')
    .getByRole('combobox', { name: 'padding' })
    .selectOption('same');
  await page.reload(); // well inside the 400 ms before the worker would save
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_SAME);
});

test('leaving right after editing a graph too big for localStorage asks first', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const random = lehmer(5);
  const data = Array.from({ length: 600 * 600 * 3 }, () => Math.round(random() * 1000) / 1000);
  const path = graphFile('convflow-photo-600.json', {
    format: 'convflow-graph',
    version: 1,
    nodes: [
      { id: 'photo', type: 'Input', params: { tensor: { shape: [600, 600, 3], data } } },
      { id: 'pool', type: 'MaxPool', position: { x: 400, y: 0 } },
    ],
    edges: [{ source: 'photo', target: 'pool' }],
  });
  await openApp(page);
  await importPath(page, path);
  const padding = nodeCard(page, 'MaxPool', 'pool').getByRole('combobox', { name: 'padding' });
  await expect(padding).toBeVisible({ timeout: 30_000 });
  const imported = await nextSave(page, 0);
  await padding.selectOption('same');
  const asked = page.waitForEvent('dialog');
  void page.reload().catch(() => undefined); // well inside the 400 ms before a save
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss(); // stay: the worker's save, started meanwhile, goes on
  await nextSave(page, imported);
  await page.reload();
  await expect(padding).toHaveValue('same', { timeout: 30_000 });
});
