import type { Viewport } from '@xyflow/react';
import { useEffect } from 'react';
import { useFlowApi, type FlowApi } from '../../ui/flow-api.tsx';

const MARGIN = 16;
/** Below this zoom the numbers are unreadable: pan to the node instead of fitting all. */
const MIN_FIT_ZOOM = 0.5;

type Flow = FlowApi['flow'];
type FlowStore = FlowApi['store'];

/**
 * When the panel opens on a node, or moves to another, and the node is not in full view (the
 * panel narrows the canvas): show the whole graph, zooming out if need be but not below a
 * readable zoom; failing that, pan just enough to bring the node in.
 */
export function useKeepInView(id: string): void {
  const flowApi = useFlowApi();
  useEffect(() => {
    if (!flowApi) return;
    const { flow, store: api } = flowApi;
    let frame = 0;
    // Two frames: the canvas learns its new width from a ResizeObserver after this commit.
    frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        const to = panTarget(flow, api, id);
        if (to) void flow.setViewport(to, { duration: 200 });
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [id, flowApi]);
}

/** Where to pan so node `id` is in view, or null when it already is (or is being dragged). */
function panTarget(flow: Flow, api: FlowStore, id: string): Viewport | null {
  const node = flow.getInternalNode(id);
  if (!node || flow.getNodes().some((n) => n.dragging)) return null;
  const { width, height, transform } = api.getState();
  const [tx, ty, zoom] = transform;
  const { x, y } = node.internals.positionAbsolute;
  const dx = shift(x * zoom + tx, (x + (node.measured.width ?? 0)) * zoom + tx, width);
  const dy = shift(y * zoom + ty, (y + (node.measured.height ?? 0)) * zoom + ty, height);
  if (dx === 0 && dy === 0) return null;
  const all = flow.getNodesBounds(flow.getNodes());
  const fit = Math.min(zoom, (width - 2 * MARGIN) / all.width, (height - 2 * MARGIN) / all.height);
  if (fit < MIN_FIT_ZOOM) return { x: tx + dx, y: ty + dy, zoom };
  return {
    x: (width - all.width * fit) / 2 - all.x * fit,
    y: (height - all.height * fit) / 2 - all.y * fit,
    zoom: fit,
  };
}

/** How far to move a span [from, to] into [MARGIN, size - MARGIN]; its start wins if too long. */
function shift(from: number, to: number, size: number): number {
  if (from < MARGIN) return MARGIN - from;
  if (to > size - MARGIN) return Math.max(size - MARGIN - to, MARGIN - from);
  return 0;
}
