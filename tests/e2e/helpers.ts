import { test as base, expect, type Locator, type Page, type Worker } from '@playwright/test';

export { expect };

/**
 * Playwright's `test`, failing any test during which the page threw an uncaught error or
 * logged one to the console: a broken render should not pass just because the numbers did.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      await use(errors);
      expect(errors, 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

/** The slide's valid 3×3 convolution of the X (presets/01-conv-valid.json). */
export const SLIDE_VALID = ['3', '0', '1', '0', '2', '0', '1', '0', '3'];

/** The same convolution with `same` padding (presets/02-conv-same.json). */
export const SLIDE_SAME = [
  ['0', '0', '2', '0', '1'],
  ['0', '3', '0', '1', '0'],
  ['2', '0', '2', '0', '2'],
  ['0', '1', '0', '3', '0'],
  ['1', '0', '2', '0', '0'],
].flat();

/**
 * Input 64×64×1 holding `value(i)` at flat index i → Conv2D `c`, 4 filters 3×3 same (seeded
 * weights): five maps drawn as canvases, c's output (16,384 values) large enough to be lent
 * in shared memory on a cross-origin isolated page.
 */
export function inputConvGraph(value: (i: number) => number): object {
  return {
    format: 'convflow-graph',
    version: 1,
    nodes: [
      {
        id: 'in',
        type: 'Input',
        position: { x: 0, y: 0 },
        params: {
          tensor: { shape: [64, 64, 1], data: Array.from({ length: 64 * 64 }, (_, i) => value(i)) },
        },
      },
      {
        id: 'c',
        type: 'Conv2D',
        position: { x: 360, y: 0 },
        params: { filters: 4, kernelSize: [3, 3], padding: 'same' },
      },
    ],
    edges: [{ source: 'in', target: 'c' }],
  };
}

/** The status line: `recomputed K of N nodes in T ms`. */
export function statusLine(page: Page): Locator {
  return page.getByRole('status');
}

/** A regular expression for the status after recomputing `k` of `n` nodes. */
export function recomputed(k: number, n: number): RegExp {
  return new RegExp(`^recomputed ${k} of ${n} nodes in \\d+(\\.\\d+)? ms$`);
}

/** Open the app and wait until the default graph has been computed. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(statusLine(page)).toHaveText(recomputed(2, 2));
  await canvasReady(page);
}

/**
 * The canvas (React Flow, loaded after the first numbers) is in place: nodes can be dragged,
 * selected and connected. Before it, the page shows the nodes without it (StaticCanvas).
 */
export async function canvasReady(page: Page): Promise<void> {
  await page.locator('.react-flow__renderer').waitFor();
}

/** A node on the canvas: a `section` labelled `"<Type> <id>"`. */
export function nodeCard(page: Page, type: string, id: string): Locator {
  return page.getByRole('region', { name: `${type} ${id}`, exact: true });
}

/** A small output map: `"<id> channel <c>"`, or `"<id> output"` for a rank-1 output. */
export function heatmap(page: Page, name: string): Locator {
  return page.getByRole('grid', { name, exact: true });
}

/** The cells of a small output map, as the numbers it shows. */
export function cells(page: Page, name: string): Locator {
  return heatmap(page, name).getByRole('gridcell');
}

/** Load a slide preset through the header's picker (`09-pipeline`, …). */
export async function loadPreset(page: Page, key: string): Promise<void> {
  await page.getByRole('combobox', { name: 'preset', exact: true }).selectOption(key);
}

/** The palette's button for a node type. */
export function paletteItem(page: Page, type: string): Locator {
  return page.getByRole('navigation', { name: 'Add a node' }).getByRole('button', {
    name: type,
    exact: true,
  });
}

// React Flow's handles have no role; its CSS classes are the stable way to reach them.
function handle(page: Page, id: string, kind: 'source' | 'target'): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"] .react-flow__handle.${kind}`);
}

/** The edge React Flow draws from `source` to `target` (edge ids are `source->target`). */
export function edge(page: Page, source: string, target: string): Locator {
  return page.locator(`.react-flow__edge[data-id="${source}->${target}"]`);
}

/**
 * Drag from `source`'s output handle to `target`'s input handle with the mouse, in steps,
 * as a person would (React Flow follows pointer moves, not a single jump).
 */
export async function connect(page: Page, source: string, target: string): Promise<void> {
  const from = await centreOf(handle(page, source, 'source'));
  const to = await centreOf(handle(page, target, 'target'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`not visible: ${locator.toString()}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Select a node by clicking its header, then delete it with the keyboard. */
export async function deleteNode(page: Page, card: Locator, key = 'Delete'): Promise<void> {
  await card.locator('header').click();
  await page.keyboard.press(key);
  await expect(card).toHaveCount(0);
}

/** The engine's web worker (its script is `engine.worker-<hash>.js` in the build). */
/** The page's engine workers (the persistence worker is another). */
export function engineWorkers(page: Page): Worker[] {
  return page.workers().filter((w) => w.url().includes('engine.worker'));
}

export async function engineWorker(page: Page): Promise<Worker> {
  const find = () => engineWorkers(page)[0];
  await expect.poll(() => find() !== undefined, { message: 'no engine worker' }).toBe(true);
  return find()!;
}

/** The graph canvas's empty background, where a click clears the selection. */
export function canvasPane(page: Page): Locator {
  return page.locator('.react-flow__pane');
}

/** Move a node by dragging its header to a point on the screen, as a person would. */
export async function moveNode(page: Page, card: Locator, to: { x: number; y: number }) {
  const header = card.locator('header');
  const box = await header.boundingBox();
  if (!box) throw new Error(`not visible: ${card.toString()}`);
  await page.mouse.move(box.x + 10, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

/** A notice (role `alert`) whose message is exactly `message`; its Dismiss button is inside. */
export function notice(page: Page, message: string | RegExp): Locator {
  const text =
    typeof message === 'string'
      ? page.getByText(message, { exact: true })
      : page.getByText(message);
  return page.getByRole('alert').filter({ has: text });
}
