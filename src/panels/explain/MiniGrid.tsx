import type { CSSProperties, ReactNode } from 'react';

/** What one cell of a small explain grid shows. */
export interface MiniCell {
  text: ReactNode;
  /** Extra classes: `ex-window`, `ex-padding`, `ex-winner`, `ex-blank`, `ex-current`… */
  className?: string;
  title?: string;
  /** Accessible name of a clickable cell's button (its text otherwise). */
  label?: string;
  /** A clickable cell that toggles: its pressed state. */
  pressed?: boolean;
}

export interface MiniGridProps {
  /** Accessible name of the table, e.g. "products of corresponding cells, ch 0". */
  label: string;
  rows: number;
  cols: number;
  cell(row: number, col: number): MiniCell;
  /** Clicking a cell (e.g. to move the walk there). */
  onCellClick?(row: number, col: number): void;
  /** Clickable cells are tab stops (a picker); otherwise only the mouse reaches them. */
  focusable?: boolean;
  className?: string;
  /** Characters a cell must hold (default: the longest text shown), so a filling grid keeps its width. */
  chars?: number;
  /** A box drawn around a block of cells: the filter's window. */
  outline?: { row: number; col: number; rows: number; cols: number };
}

/**
 * A small grid of numbers for the explain view, laid out like the slides' squares: a table
 * (read by rows and cells). Clickable cells hold buttons.
 */
export function MiniGrid(props: MiniGridProps) {
  const { label, rows, cols, cell, onCellClick, focusable, className, outline } = props;
  const cells = Array.from({ length: rows }, (_, row) =>
    Array.from({ length: cols }, (_, col) => cell(row, col)),
  );
  const chars =
    props.chars ??
    Math.max(1, ...cells.flat().map((c) => (typeof c.text === 'string' ? c.text.length : 1)));
  return (
    <div
      role="table"
      aria-label={label}
      className={`ex-grid ${className ?? ''}`}
      style={{ ['--ex-chars' as string]: chars }}
    >
      {outline && <div className="ex-outline" style={outlineStyle(outline)} aria-hidden="true" />}
      {cells.map((line, row) => (
        <div role="row" className="ex-row" key={row}>
          {line.map((c, col) => (
            <div role="cell" key={col} className={`ex-cell ${c.className ?? ''}`} title={c.title}>
              {onCellClick ? (
                <button
                  type="button"
                  className="ex-cell-button"
                  tabIndex={focusable ? 0 : -1}
                  aria-label={c.label}
                  aria-pressed={c.pressed}
                  onClick={() => onCellClick(row, col)}
                >
                  {c.text}
                </button>
              ) : (
                c.text
              )}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

/** Position of the outline in cells; explain.css turns cells into pixels. */
function outlineStyle(o: NonNullable<MiniGridProps['outline']>): CSSProperties {
  return {
    ['--ex-r' as string]: o.row,
    ['--ex-c' as string]: o.col,
    ['--ex-rows' as string]: o.rows,
    ['--ex-cols' as string]: o.cols,
  };
}
