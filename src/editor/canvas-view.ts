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
  const zoom = Math.min(
    Math.max(
      Math.min((width - 2 * pad(width)) / bounds.width, (height - 2 * pad(height)) / bounds.height),
      MIN_ZOOM,
    ),
    FIT.maxZoom,
  );
  return {
    x: width / 2 - (bounds.x + bounds.width / 2) * zoom,
    y: height / 2 - (bounds.y + bounds.height / 2) * zoom,
    zoom,
  };
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
