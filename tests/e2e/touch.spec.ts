import type { CDPSession, Page } from '@playwright/test';
import { canvasPane, expect, nodeCard, openApp, test } from './helpers.ts';

/**
 * A portrait tablet, by touch: two fingers pinch the canvas to zoom in and out, one finger
 * drags the empty canvas to pan and a node's title to move it. Touches are sent as the
 * browser receives them from a touch screen (CDP Input.dispatchTouchEvent).
 */
test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true });

type Point = { x: number; y: number };

/** Fingers moving together from `from` to `to` (one point per finger), in `steps` moves. */
async function gesture(cdp: CDPSession, from: Point[], to: Point[], steps = 12) {
  const at = (t: number) =>
    from.map((p, i) => ({
      x: p.x + (to[i]!.x - p.x) * t,
      y: p.y + (to[i]!.y - p.y) * t,
      id: i,
    }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let s = 1; s <= steps; s++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(s / steps) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  // A person's hand comes off the glass between gestures: d3-zoom takes a second touch
  // within 500 ms of the last for a double tap.
  await new Promise((r) => setTimeout(r, 600));
}

/** Two fingers either side of `c`, from `from` px to `to` px away from it. */
async function pinch(cdp: CDPSession, c: Point, from: number, to: number) {
  const pair = (d: number) => [
    { x: c.x - d, y: c.y },
    { x: c.x + d, y: c.y },
  ];
  await gesture(cdp, pair(from), pair(to));
}

/** The canvas's zoom and pan, read from React Flow's viewport transform. */
async function viewport(page: Page) {
  return page.locator('.react-flow__viewport').evaluate((el) => {
    const m = new DOMMatrix(getComputedStyle(el).transform);
    return { zoom: m.a, x: m.e, y: m.f };
  });
}

/** A point of the canvas with no node, edge or control under it. */
async function emptyCanvasPoint(page: Page): Promise<Point> {
  const pane = (await canvasPane(page).boundingBox())!;
  for (let y = pane.y + pane.height - 60; y > pane.y; y -= 40)
    for (let x = pane.x + pane.width / 2; x < pane.x + pane.width - 60; x += 40) {
      const onPane = await page.evaluate(
        ([px, py]) => document.elementFromPoint(px!, py!)?.classList.contains('react-flow__pane'),
        [x, y],
      );
      if (onPane) return { x, y };
    }
  throw new Error('no empty point on the canvas');
}

test('pinch zooms the canvas in and out; one finger pans it and moves a node', async ({ page }) => {
  await openApp(page);
  const cdp = await page.context().newCDPSession(page);
  await page.waitForTimeout(300); // the fit of the first graph is animated
  const start = await viewport(page);

  // One finger on a node's title moves the node, not the canvas. (Zoomed far out, a title is
  // thinner than a finger and Chromium's touch adjustment picks the nearest field instead.)
  const card = nodeCard(page, 'Conv2D', 'conv');
  const before = (await card.boundingBox())!;
  const header = (await card.locator('header').boundingBox())!;
  const grip = { x: header.x + 10, y: header.y + header.height / 2 };
  await gesture(cdp, [grip], [{ x: grip.x + 90, y: grip.y + 60 }]);
  const after = (await card.boundingBox())!;
  expect(after.x - before.x).toBeGreaterThan(50);
  expect(after.y - before.y).toBeGreaterThan(30);
  expect(await viewport(page)).toEqual(start);

  // Fingers apart: zoom in.
  await pinch(cdp, await emptyCanvasPoint(page), 30, 120);
  const zoomedIn = await viewport(page);
  expect(zoomedIn.zoom).toBeGreaterThan(start.zoom * 1.5);

  // Fingers together: zoom out again.
  await pinch(cdp, await emptyCanvasPoint(page), 120, 20);
  const zoomedOut = await viewport(page);
  expect(zoomedOut.zoom).toBeLessThan(zoomedIn.zoom / 2);

  // One finger on the empty canvas pans it, at the same zoom.
  const p = await emptyCanvasPoint(page);
  await gesture(cdp, [p], [{ x: p.x - 100, y: p.y - 80 }]);
  const panned = await viewport(page);
  expect(panned.zoom).toBeCloseTo(zoomedOut.zoom, 5);
  expect(panned.x - zoomedOut.x).toBeCloseTo(-100, -1);
  expect(panned.y - zoomedOut.y).toBeCloseTo(-80, -1);
});
