import {
  explainOutputGradient,
  type GradientSource,
  type UpstreamTerm,
} from '../../../engine/explain/backward/index.ts';
import type { StepRecord } from '../../../engine/train/step-record.ts';
import { useT } from '../../../i18n/useT.ts';
import '../../../i18n/backward-messages.ts';
import { formatValue, formatValueLong } from '../../../ui/format-value.ts';
import { SumLine } from '../SumLine.tsx';

/** Terms listed one per row up to this many; longer sums show their largest. */
const MAX_ROWS = 12;

/** The gradient at the focused cell, and where it arrived from: the loss, or the layer above. */
export function CellGradient(props: {
  record: StepRecord;
  layer: number;
  sample: number;
  cell: number;
}) {
  const { record, layer, sample, cell } = props;
  const t = useT();
  const shape = record.layers[layer]!.outShape;
  const size = shape.reduce((a, b) => a * b, 1);
  if (cell < 0 || cell >= size) return null;
  const ex = explainOutputGradient(record, layer, sample, cell);
  return (
    <section className="ex-section bk-cell" aria-label={t('back.cellHeading')}>
      <h3 className="ex-heading">{t('back.cellHeading')}</h3>
      <p className="ex-value">
        {cellName(t, shape, cell)} = <b className="ex-result">{formatValueLong(ex.engine)}</b>
      </p>
      <Source source={ex.source} from={ex.from ?? ''} value={ex.engine} />
    </section>
  );
}

function cellName(t: ReturnType<typeof useT>, shape: readonly number[], cell: number): string {
  if (shape.length !== 3) return t('back.unit', { unit: cell % shape[shape.length - 1]! });
  const [, w, c] = shape as [number, number, number];
  const pos = Math.floor(cell / c);
  return t('back.cellValue', {
    row: Math.floor(pos / w),
    col: pos % w,
    channel: c > 1 ? t('back.channel', { c: cell % c }) : '',
  });
}

function Source({ source, from, value }: { source: GradientSource; from: string; value: number }) {
  const t = useT();
  const v = formatValueLong;
  switch (source.kind) {
    case 'mse':
      return (
        <p className="ex-line">
          {t('back.fromMse', { count: source.count, y: v(source.y), t: v(source.t) })} ={' '}
          <b>{v(value)}</b>
        </p>
      );
    case 'crossentropy':
      return (
        <p className="ex-line">
          {t('back.fromCce', {
            p: v(source.p),
            clipped: source.clipped ? t('back.clipped') : '',
            g: v(source.g),
            rows: source.rows,
          })}{' '}
          = <b>{v(value)}</b>
        </p>
      );
    case 'conv':
    case 'dense':
      return (
        <>
          <p className="ex-line">
            {t(source.kind === 'conv' ? 'back.fromConv' : 'back.fromDense', { node: from })}
          </p>
          <TermTable terms={source.terms} conv={source.kind === 'conv'} />
          <SumLine
            label={t('back.sumOfTerms')}
            terms={source.terms.map((x) => x.product)}
            result={value}
          />
        </>
      );
    case 'pool':
      return (
        <>
          <p className="ex-line">{t('back.fromPool', { node: from })}</p>
          {source.windows.length === 0 && (
            <p className="ex-line">{t('back.poolNone', { node: from })}</p>
          )}
          <ul className="bk-list">
            {source.windows.map((w) => (
              <li key={w.at.join(',')}>
                {w.winner
                  ? t('back.poolWinner', { row: w.at[0]!, col: w.at[1]!, g: v(w.gradient) })
                  : t('back.poolLoser', { row: w.at[0]!, col: w.at[1]! })}
              </li>
            ))}
          </ul>
        </>
      );
    case 'flatten':
      return (
        <p className="ex-line">
          {t('back.fromFlatten', { node: from, at: source.at })} = <b>{v(value)}</b>
        </p>
      );
    case 'dropout':
      return source.kept ? (
        <p className="ex-line">
          {t('back.fromDropoutKept', { node: from, scale: v(source.scale) })}: {v(source.gradient)}{' '}
          × {v(source.scale)} = <b>{v(value)}</b>
        </p>
      ) : (
        <p className="ex-line">{t('back.fromDropoutDropped', { node: from })}</p>
      );
  }
}

/** The products of the sum, one row each (the largest, when there are many). */
function TermTable({ terms, conv }: { terms: UpstreamTerm[]; conv: boolean }) {
  const t = useT();
  const shown =
    terms.length <= MAX_ROWS
      ? terms
      : [...terms].sort((a, b) => Math.abs(b.product) - Math.abs(a.product)).slice(0, MAX_ROWS);
  return (
    <table className="bk-terms">
      {shown.length < terms.length && (
        <caption>{t('back.largest', { k: shown.length, n: terms.length })}</caption>
      )}
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">{t('back.weight')}</th>
          <th scope="col">{t('back.delta')}</th>
          <th scope="col">{t('back.product')}</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((x) => (
          <tr key={x.at.join(',')}>
            <th scope="row">
              {conv
                ? t('back.termAt', { row: x.at[0]!, col: x.at[1]!, f: x.at[2]! })
                : t('back.termUnit', { unit: x.at[1]! })}
            </th>
            <td>{formatValue(x.weight)}</td>
            <td>{formatValue(x.delta)}</td>
            <td>{formatValue(x.product)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
