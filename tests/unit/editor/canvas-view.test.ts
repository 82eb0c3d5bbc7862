import { getBezierPath, getViewportForBounds, Position } from '@xyflow/system';
import { describe, expect, it } from 'vitest';
import { bezierEdge, fitBounds, FIT, MIN_ZOOM } from '../../../src/editor/canvas-view.ts';
import { makeRng } from '../../property/rng.ts';

// The first view (StaticCanvas) must stand where React Flow will: its fit and its edges are
// checked against React Flow's own functions.
describe('the first view computes what React Flow will', () => {
  const rng = makeRng(7);
  const cases = Array.from({ length: 40 }, () => ({
    box: {
      x: rng.int(-800, 800),
      y: rng.int(-600, 600),
      width: rng.int(40, 3000),
      height: rng.int(40, 2000),
    },
    pane: { width: rng.int(300, 2000), height: rng.int(200, 1200) },
    from: { x: rng.int(-500, 500), y: rng.int(-500, 500) },
    to: { x: rng.int(-500, 500), y: rng.int(-500, 500) },
  }));

  it.each(cases)('fit and edge %#', ({ box, pane, from, to }) => {
    const want = getViewportForBounds(
      box,
      pane.width,
      pane.height,
      MIN_ZOOM,
      FIT.maxZoom,
      FIT.padding,
    );
    const got = fitBounds(box, pane.width, pane.height);
    expect(got.zoom).toBeCloseTo(want.zoom, 9);
    expect(got.x).toBeCloseTo(want.x, 6);
    expect(got.y).toBeCloseTo(want.y, 6);

    const [path, labelX, labelY] = getBezierPath({
      sourceX: from.x,
      sourceY: from.y,
      sourcePosition: Position.Right,
      targetX: to.x,
      targetY: to.y,
      targetPosition: Position.Left,
    });
    const edge = bezierEdge(from, to);
    expect(edge.path).toBe(path);
    expect(edge.labelX).toBeCloseTo(labelX, 9);
    expect(edge.labelY).toBeCloseTo(labelY, 9);
  });
});
