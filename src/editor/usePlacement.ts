import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import type { Position } from '../graph/types.ts';
import type { FlowNode } from './flow-elements.ts';

const GAP = 80;
/** Nodes are at most 260 px wide (editor.css); their height grows with their output. */
const ROOM = 260;
const GRID = 20;
/** A new node's size before it is measured: about a Conv2D's. */
const FALLBACK = { width: ROOM, height: 320 };

const snap = (v: number) => Math.round(v / GRID) * GRID;
const sizeOf = (n: FlowNode) => ({
  width: n.measured?.width ?? FALLBACK.width,
  height: n.measured?.height ?? FALLBACK.height,
});

/** `spot`, or the first place below it where a new node overlaps nothing. */
function freeSpot(spot: Position, nodes: readonly FlowNode[]): Position {
  const overlaps = (n: FlowNode, y: number) =>
    n.position.x < spot.x + FALLBACK.width &&
    spot.x < n.position.x + sizeOf(n).width &&
    n.position.y < y + FALLBACK.height &&
    y < n.position.y + sizeOf(n).height;
  let y = spot.y;
  for (let i = 0; i < 100 && nodes.some((n) => overlaps(n, y)); i++) y += 2 * GRID;
  return { x: spot.x, y };
}

/** How far to shift a span [start, start + size) to bring it inside [0, extent). */
function nudge(start: number, size: number, extent: number): number {
  const margin = 24;
  if (start < margin) return margin - start;
  const overflow = start + size - (extent - margin);
  return overflow > 0 ? -Math.min(overflow, start - margin) : 0;
}

/**
 * Where a new node goes: right of `anchor` (moved down past anything already there), or at
 * the centre of the view.
 */
export function usePlacement() {
  const flow = useReactFlow<FlowNode>();
  const storeApi = useStoreApi<FlowNode>();

  const placeFor = useCallback(
    (anchor: string | null): Position => {
      const nodes = flow.getNodes();
      const from = anchor ? nodes.find((n) => n.id === anchor) : undefined;
      if (from) {
        const x = from.position.x + Math.max(sizeOf(from).width, ROOM) + GAP;
        return freeSpot({ x: snap(x), y: from.position.y }, nodes);
      }
      const { width, height, transform } = storeApi.getState();
      const [tx, ty, zoom] = transform;
      const x = (width / 2 - tx) / zoom - FALLBACK.width / 2;
      const y = (height / 2 - ty) / zoom - FALLBACK.height / 2;
      return freeSpot({ x: snap(x), y: snap(y) }, nodes);
    },
    [flow, storeApi],
  );

  /** Pan just enough for a node placed at `position` to be in view. */
  const reveal = useCallback(
    (position: Position) => {
      const { width, height, transform } = storeApi.getState();
      const [tx, ty, zoom] = transform;
      const dx = nudge(position.x * zoom + tx, FALLBACK.width * zoom, width);
      const dy = nudge(position.y * zoom + ty, FALLBACK.height * zoom, height);
      if (dx === 0 && dy === 0) return;
      void flow.setViewport({ x: tx + dx, y: ty + dy, zoom }, { duration: 250 });
    },
    [flow, storeApi],
  );

  return { placeFor, reveal };
}
