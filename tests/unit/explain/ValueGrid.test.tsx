// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValueGrid } from '../../../src/panels/explain/values/ValueGrid.tsx';

afterEach(cleanup);

/** A 1×2 grid over `values`, committing through a spy that accepts everything but 99. */
function grid(values: number[]) {
  const onCommit = vi.fn((_row: number, _col: number, v: number) => (v === 99 ? 'too big' : null));
  render(
    <ValueGrid
      label="kernel"
      rows={1}
      cols={values.length}
      value={(_, col) => values[col]}
      cellLabel={(row, col) => `row ${row}, col ${col}`}
      onCommit={onCommit}
    />,
  );
  return { onCommit, cell: (col: number) => screen.getByLabelText(`row 0, col ${col}`) };
}

describe('ValueGrid arrow keys', () => {
  it('↑ and ↓ commit the value ±1 at once; Shift ×10; Alt ×0.1, rounded', () => {
    const { onCommit, cell } = grid([2, 0.3]);
    fireEvent.keyDown(cell(0), { key: 'ArrowUp' });
    expect(onCommit).toHaveBeenLastCalledWith(0, 0, 3);
    fireEvent.keyDown(cell(0), { key: 'ArrowDown', shiftKey: true });
    expect(onCommit).toHaveBeenLastCalledWith(0, 0, -8);
    fireEvent.keyDown(cell(1), { key: 'ArrowDown', altKey: true });
    expect(onCommit).toHaveBeenLastCalledWith(0, 1, 0.2);
    expect(onCommit).toHaveBeenCalledTimes(3);
  });

  it('nudges what is typed, not the stored value', () => {
    const { onCommit, cell } = grid([2, 0]);
    fireEvent.change(cell(0), { target: { value: '5' } });
    fireEvent.keyDown(cell(0), { key: 'ArrowUp' });
    expect(onCommit).toHaveBeenLastCalledWith(0, 0, 6);
  });

  it('a refused nudge stays in the cell, marked invalid with the reason', () => {
    const { cell } = grid([89, 0]);
    fireEvent.keyDown(cell(0), { key: 'ArrowUp', shiftKey: true });
    expect((cell(0) as HTMLInputElement).value).toBe('99');
    expect(cell(0).getAttribute('aria-invalid')).toBe('true');
    expect(cell(0).getAttribute('title')).toBe('too big');
  });

  it('other keys commit nothing', () => {
    const { onCommit, cell } = grid([1, 1]);
    fireEvent.keyDown(cell(0), { key: 'ArrowLeft' });
    fireEvent.keyDown(cell(0), { key: 'a' });
    expect(onCommit).not.toHaveBeenCalled();
  });
});
