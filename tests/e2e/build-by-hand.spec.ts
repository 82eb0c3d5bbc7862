import type { Page } from '@playwright/test';
import { snap } from './screenshot.ts';
import {
  canvasPane,
  connect,
  deleteNode,
  edge,
  heatmap,
  moveNode,
  nodeCard,
  openApp,
  paletteItem,
  expect,
  test,
} from './helpers.ts';

/**
 * Selecting a node opens the explain panel beside the canvas, which narrows the canvas and
 * brings the node into view; close it between steps so the drops land where planned.
 */
async function closeExplanation(page: Page): Promise<void> {
  const close = page.getByRole('button', { name: 'Close the explanation' });
  if (await close.isVisible()) await close.click();
  await expect(close).toHaveCount(0);
}

test.describe('on a wide screen', () => {
  // Wide enough that the explain panel, opening on each new node, leaves every drop point
  // in view, so the canvas never pans under the planned positions.
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('build Input → Conv2D → MaxPool → Flatten → Dense → Dropout by hand', async ({
    page,
  }, info) => {
    await openApp(page);
    await deleteNode(page, nodeCard(page, 'Conv2D', 'conv'), 'Delete');
    await deleteNode(page, nodeCard(page, 'Input', 'input'), 'Backspace');
    await snap(page, info, 'empty');

    const canvas = canvasPane(page);
    const box = (await canvas.boundingBox())!;
    const at = (x: number, y: number) => ({ x: box.x + x, y: box.y + y });

    // Palette click, with nothing selected: the node appears in the middle of the view.
    await paletteItem(page, 'Input').click();
    const input = nodeCard(page, 'Input', 'input_1');
    await expect(input).toBeVisible();
    await expect(input.getByTitle('output shape')).toHaveText('5×5×1');
    await expect(heatmap(page, 'input_1 channel 0')).toBeVisible();
    await closeExplanation(page);
    await moveNode(page, input, at(30, 30));
    await closeExplanation(page);
    // A click on the empty background clears the selection: the next node is not chained.
    // (Bottom centre: clear of the node, the controls and the minimap, whatever the canvas width
    // while the explain panel is open.)
    const open = (await canvas.boundingBox())!;
    await canvas.click({ position: { x: open.width / 2, y: open.height - 40 } });

    // The keyboard shortcut: A, then the palette's number.
    await page.keyboard.press('a');
    await page.keyboard.press('2');
    const conv = nodeCard(page, 'Conv2D', 'conv2d_1');
    await expect(conv).toBeVisible();
    await closeExplanation(page);
    await moveNode(page, conv, at(370, 30));
    await closeExplanation(page);

    // HTML5 drags from the palette, dropped where each node should go: two rows of three.
    await paletteItem(page, 'MaxPool').dragTo(canvas, { targetPosition: { x: 660, y: 20 } });
    await closeExplanation(page);
    await paletteItem(page, 'Flatten').dragTo(canvas, { targetPosition: { x: 20, y: 420 } });
    await closeExplanation(page);
    await paletteItem(page, 'Dense').dragTo(canvas, { targetPosition: { x: 340, y: 420 } });
    await closeExplanation(page);
    await paletteItem(page, 'Dropout').dragTo(canvas, { targetPosition: { x: 660, y: 420 } });
    await closeExplanation(page);
    await expect(
      page.getByRole('region', { name: /^(Input|Conv2D|MaxPool|Flatten|Dense|Dropout) / }),
    ).toHaveCount(6);
    await expect(page.locator('.react-flow__edge')).toHaveCount(0);
    await snap(page, info, 'placed');

    const chain = [
      ['input_1', 'Conv2D', 'conv2d_1', '3×3×1', 'conv2d_1 channel 0'],
      ['conv2d_1', 'MaxPool', 'max_pool_1', '1×1×1', 'max_pool_1 channel 0'],
      ['max_pool_1', 'Flatten', 'flatten_1', '1', 'flatten_1 output'],
      ['flatten_1', 'Dense', 'dense_1', '4', 'dense_1 output'],
      ['dense_1', 'Dropout', 'dropout_1', '4', 'dropout_1 output'],
    ] as const;
    for (const [source, type, target, shape, map] of chain) {
      const card = nodeCard(page, type, target);
      await expect(card.getByText('no input: connect an edge into this node')).toBeVisible();
      await connect(page, source, target);
      await closeExplanation(page);
      await expect(edge(page, source, target)).toBeVisible();
      await expect(card.getByTitle('output shape')).toHaveText(shape);
      // The heatmap in place: the node's size has settled before the next drag starts.
      await expect(heatmap(page, map)).toBeVisible();
    }
    await page.getByRole('button', { name: 'Fit View' }).click();
    await snap(page, info);
  });
});

test('a palette click continues the chain from the selected node', async ({ page }, info) => {
  await openApp(page);
  const conv = nodeCard(page, 'Conv2D', 'conv');
  await conv.locator('header').click();
  await paletteItem(page, 'MaxPool').click();

  const pool = nodeCard(page, 'MaxPool', 'max_pool_1');
  await expect(pool).toBeVisible();
  await expect(edge(page, 'conv', 'max_pool_1')).toBeVisible();
  // 3×3 pooled by 2×2 with valid padding: one window, the largest of 3 0 / 0 2.
  await expect(pool.getByTitle('output shape')).toHaveText('1×1×1');
  await expect(heatmap(page, 'max_pool_1 channel 0').getByRole('gridcell')).toHaveText(['3']);
  await snap(page, info);
});
