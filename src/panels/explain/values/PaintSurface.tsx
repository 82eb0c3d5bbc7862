import { useRef, useState, type PointerEvent } from 'react';
import { formatValue } from '../../../ui/format-value.ts';
import { lineCells, type GridPoint } from './value-edit.ts';

export interface PaintSurfaceProps {
  label: string;
  rows: number;
  cols: number;
  value(row: number, col: number): number;
  cellLabel(row: number, col: number): string;
  paint: { value: number; onStroke(cells: GridPoint[]): void };
}

/**
 * The grid in paint mode: press and drag to set cells to the paint value. The stroke shows
 * at once and is committed as one edit when the pointer is released; cells a fast drag
 * jumps over are filled along a straight line. Each cell is also a button, for the keyboard.
 */
export function PaintSurface({ label, rows, cols, value, cellLabel, paint }: PaintSurfaceProps) {
  const { stroke, handlers } = usePaintStroke(paint.onStroke);
  return (
    <div role="grid" aria-label={label} className="vg-grid vg-paint nodrag nopan" {...handlers}>
      {Array.from({ length: rows }, (_, row) => (
        <div role="row" className="vg-row" key={row}>
          {Array.from({ length: cols }, (_, col) => (
            <PaintCell
              key={col}
              {...{ row, col }}
              value={stroke.has(`${row},${col}`) ? paint.value : value(row, col)}
              label={cellLabel(row, col)}
              onPaint={() => paint.onStroke([{ row, col }])}
            />
          ))}
        </div>
      ))}
    </div>
  );
}

interface PaintCellProps {
  row: number;
  col: number;
  value: number;
  label: string;
  /** Enter or Space paints the cell from the keyboard. */
  onPaint(): void;
}

function PaintCell({ row, col, value, label, onPaint }: PaintCellProps) {
  return (
    <div role="gridcell" className="vg-cell" data-row={row} data-col={col}>
      <button
        type="button"
        className={value === 0 ? 'vg-pixel' : 'vg-pixel vg-on'}
        aria-label={label}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' && e.key !== ' ') return;
          e.preventDefault();
          onPaint();
        }}
      >
        {formatValue(value)}
      </button>
    </div>
  );
}

/** Pointer handlers that collect one stroke's cells and hand them over when it ends. */
function usePaintStroke(onStroke: (cells: GridPoint[]) => void) {
  // The ref is the stroke's truth (pointer events may outrun renders); the state shows it.
  const painted = useRef(new Map<string, GridPoint>());
  const [stroke, setStroke] = useState<ReadonlyMap<string, GridPoint>>(new Map());
  const last = useRef<GridPoint | null>(null);
  const add = (cells: GridPoint[]) => {
    for (const c of cells) painted.current.set(`${c.row},${c.col}`, c);
    setStroke(new Map(painted.current));
  };
  const end = () => {
    if (!last.current) return;
    last.current = null;
    const cells = [...painted.current.values()];
    painted.current = new Map();
    setStroke(new Map());
    if (cells.length > 0) onStroke(cells);
  };
  const handlers = {
    onPointerDown(e: PointerEvent) {
      const at = cellAt(e);
      if (!at) return;
      e.currentTarget.setPointerCapture(e.pointerId);
      last.current = at;
      add([at]);
    },
    onPointerMove(e: PointerEvent) {
      const at = cellAt(e);
      if (!last.current || !at) return;
      add(lineCells(last.current, at));
      last.current = at;
    },
    onPointerUp: end,
    onPointerCancel: end,
  };
  return { stroke, handlers };
}

/** The cell under the pointer (captured pointers report the grid, not the cell, as target). */
function cellAt(e: PointerEvent): GridPoint | null {
  const el = document.elementFromPoint(e.clientX, e.clientY)?.closest<HTMLElement>('[data-row]');
  if (!el || !e.currentTarget.contains(el)) return null;
  return { row: Number(el.dataset.row), col: Number(el.dataset.col) };
}
