import { useMemo } from 'react';
import { explainDenseUnit, type DenseTerm } from '../../engine/explain/dense.ts';
import type { NodeOf } from '../../graph/types.ts';
import { resolveNodeWeights } from '../../graph/weights.ts';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/explain-messages.ts';
import { formatValueLong } from '../../ui/format-value.ts';
import { Finish } from './Finish.tsx';

/** Terms listed for one unit; the rest are summed in one line. */
const TOP = 12;

export interface DenseWorkProps {
  node: NodeOf<'Dense'>;
  input: Float32Array;
  inUnits: number;
  index: number;
}

/** The weighted sum behind one Dense unit: its largest contributions, the rest, bias, activation. */
export function DenseWork({ node, input, inUnits, index }: DenseWorkProps) {
  const t = useT();
  const { units, activation } = node.params;
  const weights = useMemo(() => resolveNodeWeights(node, inUnits), [node, inUnits]);
  const unit = index % units;
  const row = Math.floor(index / units);
  const { kernel, bias } = weights;
  const ex = explainDenseUnit(input, kernel, bias, inUnits, units, activation, row, unit, TOP);
  return (
    <div className="ex-work">
      <p className="ex-line">
        {ex.omitted > 0
          ? t('dense.top', { k: ex.terms.length, n: inUnits, unit })
          : t('dense.all', { n: inUnits, unit })}
      </p>
      <TermsTable terms={ex.terms} unit={unit} />
      {ex.omitted > 0 && (
        <p className="ex-note">
          {t('dense.omitted', { n: ex.omitted, value: formatValueLong(ex.omittedSum) })}
        </p>
      )}
      <Finish {...ex} bias={bias ? ex.bias : null}>
        <p className="ex-line">
          {t('dense.sum')} <b>{formatValueLong(ex.sum)}</b>
        </p>
      </Finish>
    </div>
  );
}

/** Input, weight and product of each listed term. */
function TermsTable({ terms, unit }: { terms: DenseTerm[]; unit: number }) {
  const t = useT();
  return (
    <table className="ex-table" aria-label={t('dense.terms', { unit })}>
      <thead>
        <tr>
          <th scope="col">{t('dense.index')}</th>
          <th scope="col">{t('dense.input')}</th>
          <th scope="col">{t('dense.weight')}</th>
          <th scope="col">{t('dense.product')}</th>
        </tr>
      </thead>
      <tbody>
        {terms.map((term) => (
          <tr key={term.index}>
            <td>{term.index}</td>
            <td>{formatValueLong(term.input)}</td>
            <td>{formatValueLong(term.weight)}</td>
            <td>{formatValueLong(term.product)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
