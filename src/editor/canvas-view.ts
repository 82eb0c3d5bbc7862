import type { Position } from '../graph/types.ts';

/** How the canvas fits a graph into view: React Flow's `fitViewOptions`. */
export const FIT = { padding: 0.2, maxZoom: 1.1 } as const;
export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 2.5;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface View {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The view that fits `bounds` into a `width`×`height` pane, as React Flow's `fitView` with
 * `FIT` computes it (@xyflow/system's getViewportForBounds with a number padding): the same
 * numbers, so the first view of the graph and the canvas that replaces it line up.
 */
export function fitBounds(bounds: Box, width: number, height: number): View {
  const pad = (size: number) => Math.floor((size - size / (1 + FIT.padding)) * 0.5);
  const px = pad(width);
  const py = pad(height);
  const zoom = Math.min(
    Math.max(
      Math.min((width - 2 * px) / bounds.width, (height - 2 * py) / bounds.height),
      MIN_ZOOM,
    ),
    FIT.maxZoom,
  );
  const x = width / 2 - (bounds.x + bounds.width / 2) * zoom;
  const y = height / 2 - (bounds.y + bounds.height / 2) * zoom;
  // Where the whole-pixel paddings left less than asked, the view shifts (React Flow's
  // calculateAppliedPaddings): a pixel at most.
  const short = (applied: number, wanted: number) => Math.min(Math.floor(applied) - wanted, 0);
  const left = short(bounds.x * zoom + x, px);
  const top = short(bounds.y * zoom + y, py);
  const right = short(width - ((bounds.x + bounds.width) * zoom + x), px);
  const bottom = short(height - ((bounds.y + bounds.height) * zoom + y), py);
  return { x: x - left + right, y: y - top + bottom, zoom };
}

/** The box around nodes at `positions` with the given sizes. */
export function boundsOf(
  nodes: readonly { position: Position; width: number; height: number }[],
): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of nodes) {
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + n.width);
    y1 = Math.max(y1, n.position.y + n.height);
  }
  return nodes.length === 0
    ? { x: 0, y: 0, width: 1, height: 1 }
    : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * A connection drawn as React Flow's default (bezier) edge from a node's right side to the
 * next node's left side, curvature 0.25, and the point its label sits on (@xyflow/system's
 * getBezierPath): the first view's edges where the canvas will draw them.
 */
export function bezierEdge(
  from: { x: number; y: number },
  to: { x: number; y: number },
): { path: string; labelX: number; labelY: number } {
  const offset = (distance: number) =>
    distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
  const c1 = from.x + offset(to.x - from.x);
  const c2 = to.x - offset(to.x - from.x);
  return {
    path: `M${from.x},${from.y} C${c1},${from.y} ${c2},${to.y} ${to.x},${to.y}`,
    labelX: from.x * 0.125 + c1 * 0.375 + c2 * 0.375 + to.x * 0.125,
    labelY: (from.y + to.y) / 2,
  };
}
