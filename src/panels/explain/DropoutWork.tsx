import { useMemo } from 'react';
import { explainDropout } from '../../engine/explain/flatten-dropout.ts';
import type { NodeOf } from '../../graph/types.ts';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/explain-messages.ts';
import { formatValue, formatValueLong } from '../../ui/format-value.ts';
import { MiniGrid } from './MiniGrid.tsx';
import type { ShownTensor } from '../inspect/useNodeData.ts';

const STRIP_ROW = 16;
const MAX_CELLS = 256;

export interface DropoutWorkProps {
  node: NodeOf<'Dropout'>;
  input: ShownTensor;
  index: number;
}

/** Which units the mask dropped, the 1/(1 − rate) scale of the rest, and the focused unit. */
export function DropoutWork({ node, input, index }: DropoutWorkProps) {
  const t = useT();
  const { rate, training, seed } = node.params;
  const size = input.data.length;
  const ex = useMemo(
    () => explainDropout(size, rate, training, seed),
    [size, rate, training, seed],
  );
  const x = input.data[index];
  const kept = ex.keep[index] === 1;
  return (
    <div className="ex-work">
      {training ? (
        <>
          <p className="ex-line">{t('dropout.dropped', { dropped: ex.dropped, n: size })}</p>
          <p className="ex-line">
            {t('dropout.scale', { rate, scale: formatValueLong(ex.scale) })}
          </p>
        </>
      ) : (
        <p className="ex-line">{t('dropout.inference')}</p>
      )}
      {size <= MAX_CELLS && <MaskGrid keep={ex.keep} data={input.data} index={index} />}
      <p className="ex-value">
        {kept
          ? t('dropout.keptCell', {
              i: index,
              x: formatValueLong(x),
              scale: formatValueLong(ex.scale),
              y: formatValueLong(x * ex.scale),
            })
          : t('dropout.droppedCell', { i: index, x: formatValueLong(x) })}
      </p>
    </div>
  );
}

/** The input in index order, dropped units struck through. */
function MaskGrid({ keep, data, index }: { keep: Uint8Array; data: Float32Array; index: number }) {
  const t = useT();
  const cols = Math.min(data.length, STRIP_ROW);
  const cell = (r: number, c: number) => {
    const i = r * cols + c;
    if (i >= data.length) return { text: '', className: 'ex-none' };
    const classes = [keep[i] ? 'ex-kept' : 'ex-dropped'];
    if (i === index) classes.push('ex-current');
    return {
      text: formatValue(data[i]),
      className: classes.join(' '),
      title: t(keep[i] ? 'dropout.kept' : 'dropout.droppedTitle'),
    };
  };
  return (
    <figure className="ex-figure">
      <figcaption>{t('dropout.mask')}</figcaption>
      <MiniGrid
        label={t('dropout.mask')}
        rows={Math.ceil(data.length / cols)}
        cols={cols}
        cell={cell}
        className="ex-mask"
      />
    </figure>
  );
}
