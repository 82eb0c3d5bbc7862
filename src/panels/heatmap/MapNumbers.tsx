import { useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../../i18n/useT.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { formatValue } from '../../ui/format-value.ts';
import { cellIndex, type MapLayout } from './map-layout.ts';
import './map-numbers.css';

/** Rows and columns of a map shown at once: a page of the table. */
export const PAGE = 16;

/**
 * Any map, however large, as a table of numbers: a 16×16 page at a time, moved by the
 * buttons or by Page Up / Page Down (rows) and Shift with them (columns), one channel at a
 * time. Read by a screen reader as a table with its row and column numbers.
 */
export function MapNumbers(props: {
  nodeId: string;
  layout: MapLayout;
  data: Float32Array;
  onClose(): void;
}) {
  const { nodeId, layout, data, onClose } = props;
  const t = useT();
  const [channel, setChannel] = useState(0);
  const [top, setTop] = useState(0);
  const [left, setLeft] = useState(0);
  const rows = Array.from({ length: Math.min(PAGE, layout.rows - top) }, (_, i) => top + i);
  const cols = Array.from({ length: Math.min(PAGE, layout.cols - left) }, (_, i) => left + i);
  const clampTop = (r: number) => Math.max(0, Math.min(r, Math.max(0, layout.rows - PAGE)));
  const clampLeft = (c: number) => Math.max(0, Math.min(c, Math.max(0, layout.cols - PAGE)));
  const onKey = (e: KeyboardEvent) => {
    const step = e.key === 'PageDown' ? PAGE : e.key === 'PageUp' ? -PAGE : 0;
    if (!step) return;
    e.preventDefault();
    if (e.shiftKey) setLeft(clampLeft(left + step));
    else setTop(clampTop(top + step));
  };
  const title = t('numbers.title', { id: nodeId });
  // Out of the node: the canvas's zoom and the node's box must not shrink the dialog.
  return createPortal(
    <Dialog title={title} onClose={onClose} className="hm-numbers-dialog">
      <div className="hm-numbers-bar">
        {layout.channels > 1 && (
          <label>
            {t('numbers.channel')}{' '}
            <select value={channel} onChange={(e) => setChannel(Number(e.target.value))}>
              {Array.from({ length: layout.channels }, (_, c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          className="cf-button"
          disabled={top === 0}
          onClick={() => setTop(clampTop(top - PAGE))}
        >
          {t('numbers.up')}
        </button>
        <button
          type="button"
          className="cf-button"
          disabled={top + PAGE >= layout.rows}
          onClick={() => setTop(clampTop(top + PAGE))}
        >
          {t('numbers.down')}
        </button>
        <button
          type="button"
          className="cf-button"
          disabled={left === 0}
          onClick={() => setLeft(clampLeft(left - PAGE))}
        >
          {t('numbers.left')}
        </button>
        <button
          type="button"
          className="cf-button"
          disabled={left + PAGE >= layout.cols}
          onClick={() => setLeft(clampLeft(left + PAGE))}
        >
          {t('numbers.right')}
        </button>
        <span aria-live="polite">
          {t('numbers.window', {
            r0: top,
            r1: rows[rows.length - 1] ?? top,
            c0: left,
            c1: cols[cols.length - 1] ?? left,
            rows: layout.rows,
            cols: layout.cols,
          })}
        </span>
      </div>
      <div className="hm-numbers-scroll" tabIndex={0} onKeyDown={onKey}>
        <table className="hm-numbers" aria-label={t('numbers.table', { id: nodeId, c: channel })}>
          <thead>
            <tr>
              <td />
              {cols.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r}>
                <th scope="row">{r}</th>
                {cols.map((c) => (
                  <td key={c}>
                    {formatValue(data[cellIndex(layout, { channel, row: r, col: c })]!)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Dialog>,
    document.body,
  );
}
