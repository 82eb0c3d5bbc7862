import { formatValue, formatValueLong } from '../../ui/format-value.ts';

/** Terms written out up to this many; a longer sum shows only its result. */
const MAX_TERMS_WRITTEN = 25;

/** `label: 0 + 1 + 0 + … = 3`, the 積和計算 written out as the slides do. */
export function SumLine({
  label,
  terms,
  result,
}: {
  label: string;
  terms: number[];
  result: number;
}) {
  const written =
    terms.length <= MAX_TERMS_WRITTEN
      ? terms.map((v) => (v < 0 ? `(${formatValue(v)})` : formatValue(v))).join(' + ') + ' = '
      : '';
  return (
    <p className="ex-line ex-sum">
      <span className="ex-sum-label">{label}</span> <span className="ex-sum-terms">{written}</span>
      <b className="ex-sum-result">{formatValueLong(result)}</b>
    </p>
  );
}
