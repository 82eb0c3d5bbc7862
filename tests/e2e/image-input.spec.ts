import type { JSHandle, Locator, Page } from '@playwright/test';
import { snap } from './screenshot.ts';
import { expect, nodeCard, notice, openApp, recomputed, statusLine, test } from './helpers.ts';
import { headerButton } from './share-helpers.ts';

/** A picture made in the page: `rects` in black on a white `width`×`height` PNG (or `type`). */
interface Picture {
  width: number;
  height: number;
  name?: string;
  rects?: [number, number, number, number][];
  type?: 'image/png' | 'image/jpeg' | 'image/webp';
  /** Random colours in every pixel, as a photo's fine detail (a share link cannot shrink it). */
  noise?: boolean;
}

/** A DataTransfer holding one file: a PNG drawn on a canvas in the page, or given bytes. */
function pictureTransfer(page: Page, picture: Picture): Promise<JSHandle<DataTransfer>> {
  return page.evaluateHandle(async ({ width, height, name, rects, type = 'image/png', noise }) => {
    const canvas = new OffscreenCanvas(width, height);
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, width, height);
    g.fillStyle = '#000';
    for (const [x, y, w, h] of rects ?? []) g.fillRect(x, y, w, h);
    if (noise) {
      const pixels = g.createImageData(width, height);
      for (let i = 0; i < pixels.data.length; i++)
        pixels.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256);
      g.putImageData(pixels, 0, 0);
    }
    const blob = await canvas.convertToBlob({ type });
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], name ?? 'picture.png', { type }));
    return transfer;
  }, picture);
}

function textTransfer(page: Page, name: string, text: string): Promise<JSHandle<DataTransfer>> {
  return page.evaluateHandle(
    ({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'image/png' }));
      return transfer;
    },
    { name, text },
  );
}

/** Drag files over `target` and drop them there, as the browser reports a file drop. */
async function dropOn(target: Locator, dataTransfer: JSHandle<DataTransfer>): Promise<void> {
  for (const type of ['dragenter', 'dragover', 'drop'])
    await target.dispatchEvent(type, { dataTransfer });
}

/** How many different colours a canvas shows: a picture has several, a blank map one. */
function colours(canvas: Locator): Promise<number> {
  return canvas.evaluate((el: HTMLCanvasElement) => {
    const { data } = el.getContext('2d')!.getImageData(0, 0, el.width, el.height);
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4)
      seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return seen.size;
  });
}

const shapeOf = (card: Locator) => card.getByTitle('output shape');

test('a PNG dropped on the Input node becomes a 28×28 picture the convolution maps', async ({
  page,
}, info) => {
  await openApp(page);
  const input = nodeCard(page, 'Input', 'input');
  const conv = nodeCard(page, 'Conv2D', 'conv');
  // A black block on white, wider than tall: cropped to the centre square.
  const png = await pictureTransfer(page, {
    width: 120,
    height: 80,
    name: 'block.png',
    rects: [[40, 20, 40, 40]],
  });
  await dropOn(input, png);
  const dialog = page.getByRole('dialog', { name: 'Use an image' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('block.png · 120×80 px')).toBeVisible();
  await expect(dialog.getByText('into Input "input"')).toBeVisible();
  await expect(dialog.getByRole('spinbutton', { name: 'height' })).toHaveValue('28');
  await expect(dialog.getByRole('radio', { name: 'grayscale' })).toBeChecked();
  await expect(dialog.getByRole('img', { name: 'preview, 28×28' })).toBeVisible();
  await snap(page, info, 'dialog');

  await dialog.getByRole('button', { name: 'Use image' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(shapeOf(input)).toHaveText('28×28×1');
  await expect(shapeOf(conv)).toHaveText('26×26×1');
  await expect(statusLine(page)).toHaveText(recomputed(2, 2));
  const map = conv.getByRole('img', { name: 'conv channel 0, 26×26' });
  await expect(map).toBeVisible();
  // White background, black block and the edges between: the map shows the picture.
  expect(await colours(map)).toBeGreaterThanOrEqual(3);
  expect(await colours(input.getByRole('img', { name: 'input channel 0, 28×28' }))).toBe(2);
  await snap(page, info);
});

test('a WebP dropped on the empty canvas or a pasted JPEG goes into the only Input', async ({
  page,
}) => {
  await openApp(page);
  const input = nodeCard(page, 'Input', 'input');
  await dropOn(
    page.locator('.react-flow__pane'),
    await pictureTransfer(page, { width: 40, height: 30, name: 'a.webp', type: 'image/webp' }),
  );
  const dialog = page.getByRole('dialog', { name: 'Use an image' });
  await expect(dialog.getByText('a.webp · 40×30 px')).toBeVisible();
  await expect(dialog.getByText('into Input "input"')).toBeVisible();
  await dialog.getByRole('spinbutton', { name: 'height' }).fill('12');
  await dialog.getByRole('spinbutton', { name: 'width' }).fill('16');
  await dialog.getByRole('radio', { name: 'RGB' }).check();
  await dialog.getByRole('radio', { name: '0 to 255' }).check();
  await dialog.getByRole('button', { name: 'Use image' }).click();
  await expect(shapeOf(input)).toHaveText('12×16×3');

  const paste = await pictureTransfer(page, {
    width: 30,
    height: 30,
    name: 'pasted.jpg',
    type: 'image/jpeg',
  });
  await page.evaluate((clipboardData) => {
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true }));
  }, paste);
  await expect(dialog.getByText('pasted.jpg · 30×30 px')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(shapeOf(input)).toHaveText('12×16×3');
});

test('a file that is not an image, and an image over the limit, leave the graph as it was', async ({
  page,
}) => {
  await openApp(page);
  const input = nodeCard(page, 'Input', 'input');
  await dropOn(input, await textTransfer(page, 'notes.png', 'just some text'));
  await expect(notice(page, '"notes.png" is not a PNG, JPEG or WebP image.')).toBeVisible();
  await dropOn(input, await pictureTransfer(page, { width: 5000, height: 8, name: 'wide.png' }));
  await expect(
    notice(page, '"wide.png" is 5000×8 pixels; an image may be at most 4096×4096.'),
  ).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Use an image' })).toHaveCount(0);
  await expect(shapeOf(input)).toHaveText('5×5×1');
});

test('each stroke on the drawing pad recomputes downstream once, at pointer-up', async ({
  page,
}, info) => {
  await openApp(page);
  const conv = nodeCard(page, 'Conv2D', 'conv');
  await page.getByRole('button', { name: 'Draw: open the drawing pad for input' }).click();
  const pad = page.getByRole('dialog', { name: 'Drawing pad · input' });
  await pad.getByRole('combobox', { name: 'size' }).selectOption('28x28');
  await expect(shapeOf(conv)).toHaveText('26×26×1');
  await conv.getByRole('combobox', { name: 'activation' }).selectOption('relu');
  await expect(statusLine(page)).toHaveText(recomputed(1, 2));

  // The pad moves by its header, out of the way of the graph.
  const before = (await pad.boundingBox())!;
  await page.mouse.move(before.x + 60, before.y + 18);
  await page.mouse.down();
  await page.mouse.move(before.x - 240, before.y + 118, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => (await pad.boundingBox())!.x).toBeCloseTo(before.x - 300, -1);

  const drawing = pad.getByLabel('drawing of input, 28×28');
  const box = (await drawing.boundingBox())!;
  const at = (fx: number, fy: number) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(0.3, 0.2));
  await page.mouse.down();
  await page.mouse.move(...at(0.5, 0.5), { steps: 8 });
  await page.mouse.move(...at(0.35, 0.8), { steps: 8 });
  // Mid-stroke nothing has been sent: the last edit is still the activation's.
  await page.waitForTimeout(300);
  await expect(statusLine(page)).toHaveText(recomputed(1, 2));
  await page.mouse.up();
  await expect(statusLine(page)).toHaveText(recomputed(2, 2));
  expect(await colours(conv.getByRole('img', { name: 'conv channel 0, 26×26' }))).toBeGreaterThan(
    2,
  );
  await snap(page, info);

  // A second stroke at once: each stroke is an undo step of its own.
  const inputMap = nodeCard(page, 'Input', 'input').getByRole('img', {
    name: 'input channel 0, 28×28',
  });
  await page.mouse.move(...at(0.75, 0.15));
  await page.mouse.down();
  await page.mouse.move(...at(0.75, 0.85), { steps: 8 });
  await page.mouse.up();
  const undo = headerButton(page, 'Undo');
  await undo.click();
  await expect.poll(() => colours(inputMap)).toBeGreaterThan(1);
  await undo.click();
  await expect.poll(() => colours(inputMap)).toBe(1);
  const redo = headerButton(page, 'Redo');
  await redo.click();
  await redo.click();
  await expect.poll(() => colours(inputMap)).toBeGreaterThan(1);

  await pad.getByRole('button', { name: 'Eraser' }).click();
  await expect(pad.getByRole('button', { name: 'Eraser' })).toHaveAttribute('aria-pressed', 'true');
  await pad.getByRole('button', { name: 'Clear' }).click();
  await expect.poll(() => colours(inputMap)).toBe(1);
  await pad.getByRole('button', { name: 'Close the drawing pad' }).click();
  await expect(pad).toHaveCount(0);
});

test('a sample fills the Input at its size; a filter preset sets the 3×3 kernel', async ({
  page,
}, info) => {
  await openApp(page);
  const input = nodeCard(page, 'Input', 'input');
  const conv = nodeCard(page, 'Conv2D', 'conv');
  await input.getByRole('spinbutton', { name: 'H' }).fill('28');
  await input.getByRole('spinbutton', { name: 'W' }).fill('28');
  await expect(shapeOf(conv)).toHaveText('26×26×1');
  await input.getByRole('combobox', { name: 'sample' }).selectOption({ label: 'digit 3' });
  await expect(statusLine(page)).toHaveText(recomputed(2, 2));
  const preset = conv.getByRole('combobox', { name: 'classic filter' });
  await expect(preset).toHaveValue('diagonal');
  await preset.selectOption({ label: 'Sobel x' });
  await expect(
    conv.getByText('finds vertical edges: dark to bright, left to right, is positive'),
  ).toBeVisible();
  await expect(preset).toHaveValue('sobel-x');
  await expect(statusLine(page)).toHaveText(recomputed(1, 2));
  await expect(conv.getByRole('spinbutton', { name: 'kernelSize height' })).toHaveValue('3');
  expect(await colours(conv.getByRole('img', { name: 'conv channel 0, 26×26' }))).toBeGreaterThan(
    2,
  );
  await snap(page, info);
});

test('a photo too big for a share link: Copy link says so and offers a file', async ({ page }) => {
  await openApp(page);
  const input = nodeCard(page, 'Input', 'input');
  await dropOn(input, await pictureTransfer(page, { width: 300, height: 300, noise: true }));
  const dialog = page.getByRole('dialog', { name: 'Use an image' });
  await dialog.getByRole('spinbutton', { name: 'height' }).fill('256');
  await dialog.getByRole('spinbutton', { name: 'width' }).fill('256');
  await dialog.getByRole('radio', { name: 'RGB' }).check();
  await dialog.getByRole('button', { name: 'Use image' }).click();
  await expect(shapeOf(input)).toHaveText('256×256×3');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const tooBig = notice(page, /^This graph needs a link of \d+ KB, over the 64 KB a share link/);
  await expect(tooBig).toBeVisible();
  const download = page.waitForEvent('download');
  await tooBig.getByRole('button', { name: 'Save as file' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.json$/);
});
