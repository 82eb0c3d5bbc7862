import { useCallback, useState } from 'react';
import type { Position } from '../graph/types.ts';
import type { Size } from './flow-elements.ts';

export interface CanvasView {
  /** Positions of nodes being dragged, shown at once, dispatched when the drag ends. */
  dragging: ReadonlyMap<string, Position>;
  /** Sizes React Flow measured; not part of the document. */
  measured: ReadonlyMap<string, Size>;
  setDragging(id: string, position: Position): void;
  endDrag(ids: readonly string[]): void;
  setMeasured(sizes: readonly [string, Size][]): void;
}

/** What the canvas shows beyond the document: drags in progress and measured node sizes. */
export function useCanvasView(): CanvasView {
  const [dragging, setDraggingMap] = useState<ReadonlyMap<string, Position>>(new Map());
  const [measured, setMeasuredMap] = useState<ReadonlyMap<string, Size>>(new Map());

  const setDragging = useCallback((id: string, position: Position) => {
    setDraggingMap((prev) => new Map(prev).set(id, position));
  }, []);

  const endDrag = useCallback((ids: readonly string[]) => {
    setDraggingMap((prev) => {
      if (!ids.some((id) => prev.has(id))) return prev;
      const next = new Map(prev);
      for (const id of ids) next.delete(id);
      return next;
    });
  }, []);

  const setMeasured = useCallback((sizes: readonly [string, Size][]) => {
    setMeasuredMap((prev) => {
      const changed = sizes.filter(([id, s]) => {
        const old = prev.get(id);
        return !old || old.width !== s.width || old.height !== s.height;
      });
      if (changed.length === 0) return prev;
      const next = new Map(prev);
      for (const [id, size] of changed) next.set(id, size);
      return next;
    });
  }, []);

  return { dragging, measured, setDragging, endDrag, setMeasured };
}
