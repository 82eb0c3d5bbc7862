import { explainMaxPoolCell } from '../../engine/explain/max-pool.ts';
import type { WindowInfo } from '../../graph/window.ts';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/explain-messages.ts';
import { formatValue, formatValueLong } from '../../ui/format-value.ts';
import { WindowInput } from './WindowInput.tsx';

export interface PoolWorkProps {
  g: WindowInfo;
  input: Float32Array;
  index: number;
  locked: boolean;
  inputLabel(c: number): string;
}

/** How MaxPool computes one output cell: the window over one channel and the cell that wins. */
export function PoolWork({ g, input, index, locked, inputLabel }: PoolWorkProps) {
  const t = useT();
  const c = index % g.inC;
  const pos = Math.floor(index / g.inC);
  const [row, col] = [Math.floor(pos / g.outW), pos % g.outW];
  const ex = explainMaxPoolCell(input, g, row, col, c);
  const values = ex.cells.flatMap((cell) => (cell.value === null ? [] : [cell.value]));
  const padded = ex.cells.some((cell) => cell.padding);
  return (
    <div className="ex-work">
      <figure className="ex-figure">
        <figcaption>{inputLabel(c)}</figcaption>
        <WindowInput
          label={inputLabel(c)}
          {...{ input, g, row, col }}
          channel={c}
          paddingText="–"
          winner={locked ? undefined : ex.winner}
        />
      </figure>
      {padded && <p className="ex-note">{t('pool.paddingIgnored')}</p>}
      {locked ? (
        <p className="ex-line">{t('pool.hidden')}</p>
      ) : (
        <>
          <p className="ex-line ex-sum">
            <span className="ex-sum-label">{t('pool.max')}</span>{' '}
            <span className="ex-sum-terms">max({values.map(formatValue).join(', ')}) = </span>
            <b className="ex-sum-result">{formatValueLong(ex.value)}</b>
          </p>
          <p className="ex-note">{t('pool.winner', { row: ex.winner.iy, col: ex.winner.ix })}</p>
          <p className="ex-value">
            {t('explain.value')} <b className="ex-result">{formatValueLong(ex.value)}</b>
          </p>
        </>
      )}
    </div>
  );
}
