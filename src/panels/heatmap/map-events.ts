import type { KeyboardEvent, MouseEvent } from 'react';
import {
  cellAt,
  cellAtFraction,
  moveCell,
  type CellPos,
  type HeatmapCell,
  type MapLayout,
} from './map-layout.ts';

export interface MapEventTarget {
  layout: MapLayout;
  data: Float32Array;
  channel: number;
  /** The selected cell when it lies in this channel, else null. */
  active: CellPos | null;
  onSelect(pos: CellPos): void;
  onHover(cell: HeatmapCell | null): void;
}

/**
 * Mouse and keyboard handlers of a numbered grid, delegated from the grid element: cells
 * carry `data-row` / `data-col`, so 256 cells need no 256 closures.
 */
export function gridHandlers(t: MapEventTarget) {
  const posOf = (e: MouseEvent): CellPos | null => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!el) return null;
    return { channel: t.channel, row: Number(el.dataset.row), col: Number(el.dataset.col) };
  };
  return {
    onKeyDown(e: KeyboardEvent) {
      const first = { channel: t.channel, row: 0, col: 0 };
      const next = moveCell(t.layout, t.active ?? first, e.key);
      if (!next) return;
      // Keep arrows from scrolling the page or moving the React Flow node around us.
      e.preventDefault();
      e.stopPropagation();
      t.onSelect(t.active ? next : first);
    },
    onMouseOver(e: MouseEvent) {
      const pos = posOf(e);
      t.onHover(pos ? cellAt(t.layout, t.data, pos) : null);
    },
    onMouseLeave: () => t.onHover(null),
    onClick(e: MouseEvent) {
      const pos = posOf(e);
      if (pos) t.onSelect(pos);
    },
  };
}

/** Mouse handlers of a canvas map: the cell comes from the pointer's place in the box. */
export function canvasHandlers(t: MapEventTarget) {
  const posOf = (e: MouseEvent): CellPos | null => {
    const rect = e.currentTarget.getBoundingClientRect();
    if (rect.width <= 0 || rect.height <= 0) return null;
    const fx = (e.clientX - rect.left) / rect.width;
    const fy = (e.clientY - rect.top) / rect.height;
    return cellAtFraction(t.layout, t.channel, fx, fy);
  };
  return {
    onMouseMove(e: MouseEvent) {
      const pos = posOf(e);
      t.onHover(pos ? cellAt(t.layout, t.data, pos) : null);
    },
    onMouseLeave: () => t.onHover(null),
    onClick(e: MouseEvent) {
      const pos = posOf(e);
      if (pos) t.onSelect(pos);
    },
  };
}
