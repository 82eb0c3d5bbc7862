import type { ReactNode } from 'react';
import type { Activation } from '../../graph/types.ts';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/explain-messages.ts';
import { formatValueLong } from '../../ui/format-value.ts';

export interface FinishProps {
  /** Null when the layer has no bias. */
  bias: number | null;
  preActivation: number;
  activation: Activation;
  value: number;
  /** Lines before the bias (the sum of the channels). */
  children?: ReactNode;
}

/** The end of a weighted sum: + bias, the activation, and the output value. */
export function Finish({ bias, preActivation, activation, value, children }: FinishProps) {
  const t = useT();
  return (
    <div className="ex-totals">
      {children}
      {bias !== null && (
        <p className="ex-line">
          {t('conv.bias')} <b>{formatValueLong(bias)}</b> → <b>{formatValueLong(preActivation)}</b>
        </p>
      )}
      <p className="ex-line">
        {activation === 'linear'
          ? t('explain.linear')
          : t('explain.activation', { name: activation, x: formatValueLong(preActivation) })}
      </p>
      <p className="ex-value">
        {t('explain.value')} <b className="ex-result">{formatValueLong(value)}</b>
      </p>
    </div>
  );
}
