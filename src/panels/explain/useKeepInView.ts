import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';

const MARGIN = 16;

/**
 * When the panel opens on a node, or moves to another, pan the canvas (zoom unchanged) just
 * enough that the node is in view: the panel narrows the canvas and may have covered it.
 */
export function useKeepInView(id: string): void {
  const flow = useReactFlow();
  const api = useStoreApi();
  useEffect(() => {
    let frame = 0;
    // Twice: the canvas learns its new width from a ResizeObserver after this commit.
    frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        const node = flow.getInternalNode(id);
        if (!node || flow.getNodes().some((n) => n.dragging)) return;
        const { width, height, transform } = api.getState();
        const [tx, ty, zoom] = transform;
        const { x, y } = node.internals.positionAbsolute;
        const box = {
          left: x * zoom + tx,
          top: y * zoom + ty,
          right: (x + (node.measured.width ?? 0)) * zoom + tx,
          bottom: (y + (node.measured.height ?? 0)) * zoom + ty,
        };
        const dx = shift(box.left, box.right, width);
        const dy = shift(box.top, box.bottom, height);
        if (dx !== 0 || dy !== 0)
          void flow.setViewport({ x: tx + dx, y: ty + dy, zoom }, { duration: 200 });
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [id, flow, api]);
}

/** How far to move a span [from, to] into [MARGIN, size - MARGIN]; its start wins if too long. */
function shift(from: number, to: number, size: number): number {
  if (from < MARGIN) return MARGIN - from;
  if (to > size - MARGIN) return Math.max(size - MARGIN - to, MARGIN - from);
  return 0;
}
