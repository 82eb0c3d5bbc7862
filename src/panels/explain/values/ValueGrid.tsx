import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { parseAnswer } from '../../exercise/marking.ts';
import { editText } from './value-edit.ts';
import { PaintSurface } from './PaintSurface.tsx';
import './values.css';

export interface ValueGridProps {
  /** Accessible name of the grid: "input image values, ch 0". */
  label: string;
  rows: number;
  cols: number;
  value(row: number, col: number): number;
  /** Accessible name of one cell's field: "row 1, col 2". */
  cellLabel(row: number, col: number): string;
  /** Commit a typed value; returns why it was refused, or null. */
  onCommit(row: number, col: number, value: number): string | null;
  /** A cell to put the caret in; a new `seq` asks again. */
  focusCell?: { row: number; col: number; seq: number } | null;
  /** Paint mode: dragging sets cells to `value`, committed once per stroke. */
  paint?: { value: number; onStroke(cells: { row: number; col: number }[]): void } | null;
}

/**
 * A small tensor as a grid of number fields, like the slides' squares: click a cell and type,
 * Tab moves on to the next cell in reading order, Enter or leaving the field commits, Escape
 * takes the typing back. In paint mode the grid is painted by dragging instead.
 */
export function ValueGrid(props: ValueGridProps) {
  const { label, rows, cols, value, cellLabel, onCommit, paint, focusCell } = props;
  if (paint) {
    return <PaintSurface {...{ label, rows, cols, value, cellLabel }} paint={paint} />;
  }
  return (
    <div role="grid" aria-label={label} className="vg-grid">
      {Array.from({ length: rows }, (_, row) => (
        <div role="row" className="vg-row" key={row}>
          {Array.from({ length: cols }, (_, col) => (
            <div role="gridcell" className="vg-cell" key={col}>
              <ValueField
                focusSeq={focusCell?.row === row && focusCell.col === col ? focusCell.seq : 0}
                value={value(row, col)}
                label={cellLabel(row, col)}
                onCommit={(v) => onCommit(row, col, v)}
              />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

interface ValueFieldProps {
  /** Non-zero and new: take the keyboard focus. */
  focusSeq: number;
  value: number;
  label: string;
  onCommit(value: number): string | null;
}

interface Draft {
  text: string;
  /** The value the text was typed over. */
  base: string;
  refused?: string;
}

function ValueField({ focusSeq, value, label, onCommit }: ValueFieldProps) {
  const shown = editText(value);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusSeq) ref.current?.focus();
  }, [focusSeq]);
  const [draft, setDraft] = useState<Draft | null>(null);
  // A value changed elsewhere (undo, a preset) replaces a stale draft.
  const current = draft && draft.base === shown ? draft : null;
  const text = current ? current.text : shown;
  const parsed = parseAnswer(text);
  const commit = () => {
    if (text === shown || parsed === null) return;
    const refused = onCommit(parsed);
    setDraft(refused ? { text, base: shown, refused } : null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') setDraft(null);
    const nudge = nudgeOf(e);
    if (nudge !== 0) {
      // A held arrow key repeats: every step commits, so the maps follow like a slider's.
      e.preventDefault();
      const next = nudged(parsed ?? value, nudge);
      const refused = onCommit(next);
      setDraft(refused ? { text: editText(next), base: shown, refused } : null);
    }
  };
  return (
    <input
      ref={ref}
      className="vg-input nodrag nopan nowheel"
      inputMode="decimal"
      autoComplete="off"
      aria-label={label}
      aria-invalid={parsed === null || current?.refused ? true : undefined}
      title={current?.refused ?? undefined}
      value={text}
      onChange={(e) => setDraft({ text: e.target.value, base: shown })}
      onFocus={(e) => e.target.select()}
      onBlur={commit}
      onKeyDown={onKeyDown}
    />
  );
}

/** The step an arrow key asks for: ↑ +1, ↓ −1; with Shift ×10, with Alt ×0.1; else 0. */
function nudgeOf(e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'altKey'>): number {
  const sign = e.key === 'ArrowUp' ? 1 : e.key === 'ArrowDown' ? -1 : 0;
  return sign * (e.altKey ? 0.1 : e.shiftKey ? 10 : 1);
}

/** `value + step`, rounded to 4 decimals (the precision values are stored with). */
function nudged(value: number, step: number): number {
  return Math.round((value + step) * 1e4) / 1e4 + 0;
}
