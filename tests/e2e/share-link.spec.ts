import { deflateSync } from 'fflate';
import { encodeBase64url } from '../../src/graph/base64url.ts';
import { snap } from './screenshot.ts';
import {
  cells,
  expect,
  nodeCard,
  notice,
  openApp,
  recomputed,
  SLIDE_SAME,
  SLIDE_VALID,
  statusLine,
  test,
} from './helpers.ts';
import { headerButton, presetLink, restoreButton, settled } from './share-helpers.ts';

test('Copy link, opened in a fresh browser context, shows the same graph and outputs', async ({
  page,
  browser,
  baseURL,
}, info) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await page.getByRole('combobox', { name: 'preset', exact: true }).selectOption('02-conv-same');
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_SAME);
  await headerButton(page, 'Copy link').click();
  await expect(notice(page, /^Link copied \(\d+ characters\)/)).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(new RegExp(`^${baseURL}/#graph=z1\\.[A-Za-z0-9_-]+$`));
  expect(link.endsWith(presetLink('02-conv-same'))).toBe(true);
  await snap(page, info, 'copied');

  const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(statusLine(other)).toHaveText(recomputed(2, 2));
  await expect(cells(other, 'conv channel 0')).toHaveText(SLIDE_SAME);
  await expect(other.getByRole('combobox', { name: 'preset', exact: true })).toHaveValue(
    '02-conv-same',
  );
  // Nothing was there before: nothing to restore, the link's graph is simply open.
  await expect(other.getByRole('alert')).toHaveCount(0);
  await snap(other, info, 'fresh-context');
  await fresh.close();
});

test('a link made in Node opens in a fresh context and computes', async ({ browser, baseURL }) => {
  const fresh = await browser.newContext();
  const page = await fresh.newPage();
  await page.goto(`${baseURL}/${presetLink('02-conv-same')}`);
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_SAME);
  await fresh.close();
});

test('a hand-written plain link opens: a 3×3 input and a 2×2 max pool', async ({ page }) => {
  const graph = {
    format: 'convflow-graph',
    version: 1,
    nodes: [
      {
        id: 'x',
        type: 'Input',
        params: { tensor: { shape: [3, 3, 1], data: [1, 2, 3, 4, 5, 6, 7, 8, 9] } },
      },
      { id: 'pool', type: 'MaxPool', position: { x: 300, y: 0 } },
    ],
    edges: [{ source: 'x', target: 'pool' }],
  };
  await page.goto(`/#graph=${encodeURIComponent(JSON.stringify(graph))}`);
  await expect(nodeCard(page, 'MaxPool', 'pool').getByTitle('output shape')).toHaveText('1×1×1');
  await expect(cells(page, 'pool channel 0')).toHaveText(['5']);

  // Typed into the address bar as it is: the browser percent-encodes the quotes itself.
  const larger = JSON.stringify(graph).replace('[1,2,3,4,5,6,7,8,9]', '[1,2,3,4,7,6,7,8,9]');
  await page.goto(`/#graph=${larger}`);
  await expect(cells(page, 'pool channel 0')).toHaveText(['7']);
});

const good = presetLink('09-pipeline');
const CORRUPTED: [string, string, RegExp][] = [
  ['truncated', good.slice(0, -40), /^Could not open the link: link is damaged: .*truncated/],
  [
    'bad base64',
    `${good.slice(0, 40)}!${good.slice(41)}`,
    /^Could not open the link: link is damaged: the data has a character that is not base64url at position 30/,
  ],
  [
    'a decompression bomb',
    `#graph=z1.${encodeBase64url(deflateSync(new Uint8Array(20 * 2 ** 20)))}`,
    /^Could not open the link: link inflates to more than 16777216 bytes; refusing it/,
  ],
  [
    'a schema error',
    `#graph=${encodeURIComponent('{"format":"convflow-graph","version":1,"nodes":[{"id":"a","type":"Conv9D"}],"edges":[]}')}`,
    /^Could not open the link: link holds an invalid graph: nodes\[0\]\.type: expected one of/,
  ],
];

for (const [what, hash, message] of CORRUPTED) {
  test(`a corrupted link (${what}) names the problem and keeps the previous graph`, async ({
    page,
  }, info) => {
    // Work in progress: padding changed, saved.
    await openApp(page);
    await nodeCard(page, 'Conv2D', 'conv')
      .getByRole('combobox', { name: 'padding' })
      .selectOption('same');
    await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_SAME);
    await settled(page);

    // Opened in a new tab of the same browser: the saved work stays.
    const tab = await page.context().newPage();
    await tab.goto(`/${hash}`);
    await expect(notice(tab, message)).toBeVisible();
    await expect(notice(tab, message)).toContainText('Your graph is unchanged.');
    await expect(cells(tab, 'conv channel 0')).toHaveText(SLIDE_SAME);
    await expect(headerButton(tab, 'Undo')).toBeDisabled();
    if (what === 'truncated') await snap(tab, info);
    await tab.close();

    // Pasted into the address bar of the open tab: the graph stays too.
    await page.goto(`/${hash}`);
    await expect(notice(page, message)).toBeVisible();
    await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_SAME);
  });
}

test('a link opened over saved work is one undo away, and "Restore previous graph" brings it back', async ({
  page,
}, info) => {
  await openApp(page);
  await expect(cells(page, 'conv channel 0')).toHaveText(SLIDE_VALID);
  await nodeCard(page, 'Conv2D', 'conv').getByRole('spinbutton', { name: 'filters' }).fill('2');
  await expect(page.getByRole('grid', { name: 'conv channel 1' })).toBeVisible();
  await settled(page);

  // A classmate's link, pasted into the address bar.
  await page.goto(`/${presetLink('05-max-pooling')}`);
  await expect(notice(page, /^Opened the graph from the link\./)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'preset', exact: true })).toHaveValue(
    '05-max-pooling',
  );
  await snap(page, info, 'opened');
  await restoreButton(page).click();
  await expect(page.getByRole('grid', { name: 'conv channel 1' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The address bar follows the restored work.
  await expect
    .poll(() => page.evaluate(() => location.hash))
    .not.toBe(presetLink('05-max-pooling'));

  // The same link in a new tab: the saved work is still the work, one undo away.
  const tab = await page.context().newPage();
  await tab.goto(`/${presetLink('05-max-pooling')}`);
  await expect(tab.getByRole('combobox', { name: 'preset', exact: true })).toHaveValue(
    '05-max-pooling',
  );
  await tab.keyboard.press('Control+z');
  await expect(tab.getByRole('grid', { name: 'conv channel 1' })).toBeVisible();
  await tab.close();
});

test('when the clipboard refuses, the link is shown selected for copying by hand', async ({
  page,
}, info) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
  });
  await openApp(page);
  await headerButton(page, 'Copy link').click();
  const dialog = page.getByRole('dialog', { name: 'Share link' });
  const field = dialog.getByRole('textbox', { name: 'Link to this graph' });
  await expect(field).toBeFocused();
  const link = await field.inputValue();
  expect(link).toMatch(/\/#graph=z1\./);
  const selected = await field.evaluate((el: HTMLInputElement) => [
    el.selectionStart,
    el.selectionEnd,
  ]);
  expect(selected).toEqual([0, link.length]);
  await snap(page, info);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('a graph too big for a link offers a file instead, and leaves the address bar empty', async ({
  page,
}) => {
  await openApp(page);
  await nodeCard(page, 'Conv2D', 'conv')
    .getByRole('combobox', { name: 'padding' })
    .selectOption('same');
  await settled(page); // the address bar holds the graph
  let seed = 1; // a Lehmer generator: values deflate cannot shrink much
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const size = 128 * 128 * 3;
  const data = Array.from({ length: size }, () => Math.round(random() * 1000) / 1000);
  const graph = {
    format: 'convflow-graph',
    version: 1,
    nodes: [{ id: 'photo', type: 'Input', params: { tensor: { shape: [128, 128, 3], data } } }],
    edges: [],
  };
  const chooser = page.waitForEvent('filechooser');
  await headerButton(page, 'Import .json').click();
  await (
    await chooser
  ).setFiles({
    name: 'photo.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(graph)),
  });
  await expect(page.getByRole('region', { name: 'Input photo', exact: true })).toBeVisible();
  await headerButton(page, 'Copy link').click();
  const tooBig = notice(page, /^This graph needs a link of \d+ KB, over the 64 KB/);
  await expect(tooBig).toBeVisible();
  const download = page.waitForEvent('download');
  await tooBig.getByRole('button', { name: 'Save as file' }).click();
  expect((await download).suggestedFilename()).toBe('convflow-graph.json');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
});
