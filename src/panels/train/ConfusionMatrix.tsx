import { scaleSequential } from 'd3-scale';
import { useState } from 'react';
import type { Confusion } from '../../engine/train/training-api.ts';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/train-messages.ts';
import { COLOR_MAPS, useColorMap } from '../heatmap/color-maps.ts';
import { textColorOn, parseRgb } from '../heatmap/color-scale.ts';
import { useTraining, useTrainingState } from './TrainingContext.tsx';

const LISTED = 24;

/**
 * Where the network goes wrong: the test split's confusion matrix (rows the label, columns
 * the prediction, counts in the cells); a cell lists its samples, and a sample goes onto the
 * Input; below, the mistakes made with the most confidence.
 */
export function ConfusionMatrix() {
  const t = useT();
  const training = useTraining();
  const { phase, info } = useTrainingState();
  const [matrix, setMatrix] = useState<Confusion | null>(null);
  const [cell, setCell] = useState<number | null>(null);
  if (!training || !info || info.testCount === 0) return null;
  const idle = phase === 'ready' || phase === 'paused' || phase === 'ended';
  const show = async () => {
    setCell(null);
    setMatrix(await training.controller.confusion('test'));
  };
  const load = (index: number) => void training.controller.watch('test', index);
  return (
    <section className="tr-confusion" aria-label={t('train.confusion')}>
      <button type="button" className="cf-button" disabled={!idle} onClick={() => void show()}>
        {t(matrix ? 'train.confusion.refresh' : 'train.confusion.show')}
      </button>
      {matrix && <Matrix matrix={matrix} selected={cell} onSelect={setCell} />}
      {matrix && cell !== null && (
        <p className="tr-cell-samples">
          {t('train.confusion.cell', {
            count: matrix.cells[cell]!.length,
            label: Math.floor(cell / matrix.classes),
            predicted: cell % matrix.classes,
          })}{' '}
          {matrix.cells[cell]!.slice(0, LISTED).map((i) => (
            <button key={i} type="button" className="tr-sample-link" onClick={() => load(i)}>
              #{i + 1}
            </button>
          ))}
        </p>
      )}
      {matrix && matrix.worst.length > 0 && (
        <>
          <h3 className="tr-subtitle">{t('train.worst')}</h3>
          <ol className="tr-worst">
            {matrix.worst.map((w) => (
              <li key={w.index}>
                <button type="button" className="tr-sample-link" onClick={() => load(w.index)}>
                  {t('train.worstItem', {
                    index: w.index + 1,
                    label: w.label,
                    predicted: w.predicted,
                    p: Math.round(w.confidence * 100),
                  })}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function Matrix({
  matrix,
  selected,
  onSelect,
}: {
  matrix: Confusion;
  selected: number | null;
  onSelect(cell: number): void;
}) {
  const t = useT();
  const [map] = useColorMap();
  const k = matrix.classes;
  const max = Math.max(1, ...matrix.counts.flat());
  const color = scaleSequential(COLOR_MAPS[map].sequential).domain([0, max]);
  return (
    <table className="tr-matrix">
      <caption>{t('train.confusion.caption')}</caption>
      <thead>
        <tr>
          <th scope="col" aria-label={t('train.confusion.labelHead')} />
          {matrix.counts.map((_, p) => (
            <th key={p} scope="col">
              {p}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrix.counts.map((row, label) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {row.map((count, predicted) => {
              const bg = color(count);
              const index = label * k + predicted;
              return (
                <td key={predicted} style={{ background: bg, color: textColorOn(parseRgb(bg)) }}>
                  <button
                    type="button"
                    aria-pressed={selected === index}
                    aria-label={t('train.confusion.cell', { count, label, predicted })}
                    onClick={() => onSelect(index)}
                  >
                    {count}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
