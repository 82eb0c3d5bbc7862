import { useCallback } from 'react';
import type { Position } from '../graph/types.ts';
import { useEditorStore } from '../state/useEditorStore.ts';
import { useFlowApi } from '../ui/flow-api.tsx';

const GAP = 80;
/** Nodes are at most 260 px wide (editor.css); their height grows with their output. */
const ROOM = 260;
const GRID = 20;
/** A new node's size before it is measured: about a Conv2D's. */
const FALLBACK = { width: ROOM, height: 320 };

/** A node as placement sees it: where it is and, once React Flow measured it, its size. */
interface Placed {
  id: string;
  position: Position;
  measured?: { width?: number; height?: number };
}

const snap = (v: number) => Math.round(v / GRID) * GRID;
const sizeOf = (n: Placed) => ({
  width: n.measured?.width ?? FALLBACK.width,
  height: n.measured?.height ?? FALLBACK.height,
});

/** `spot`, or the first place below it where a new node overlaps nothing. */
function freeSpot(spot: Position, nodes: readonly Placed[]): Position {
  const overlaps = (n: Placed, y: number) =>
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
 * the centre of the view. Before the canvas is loaded, by the document alone.
 */
export function usePlacement() {
  const api = useFlowApi();
  const store = useEditorStore();

  const placeFor = useCallback(
    (anchor: string | null): Position => {
      const nodes: readonly Placed[] = api ? api.flow.getNodes() : store.getState().doc.nodes;
      const from = anchor ? nodes.find((n) => n.id === anchor) : undefined;
      if (from) {
        const x = from.position.x + Math.max(sizeOf(from).width, ROOM) + GAP;
        return freeSpot({ x: snap(x), y: from.position.y }, nodes);
      }
      if (!api) return freeSpot({ x: 0, y: 0 }, nodes);
      const { width, height, transform } = api.store.getState();
      const [tx, ty, zoom] = transform;
      const x = (width / 2 - tx) / zoom - FALLBACK.width / 2;
      const y = (height / 2 - ty) / zoom - FALLBACK.height / 2;
      return freeSpot({ x: snap(x), y: snap(y) }, nodes);
    },
    [api, store],
  );

  /** Pan just enough for a node placed at `position` to be in view. */
  const reveal = useCallback(
    (position: Position) => {
      if (!api) return;
      const { width, height, transform } = api.store.getState();
      const [tx, ty, zoom] = transform;
      const dx = nudge(position.x * zoom + tx, FALLBACK.width * zoom, width);
      const dy = nudge(position.y * zoom + ty, FALLBACK.height * zoom, height);
      if (dx === 0 && dy === 0) return;
      void api.flow.setViewport({ x: tx + dx, y: ty + dy, zoom }, { duration: 250 });
    },
    [api],
  );

  return { placeFor, reveal };
}
