import { useMemo } from 'react';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/train-messages.ts';
import type { RunCurves } from '../../state/training-store.ts';
import { LineChart, type Series } from './LineChart.tsx';
import { smoothed, thinned } from './smooth.ts';

const percent = (v: number) => `${Math.round(v * 100)}%`;

function lossPoints(curves: RunCurves): [number, number][] {
  return thinned(smoothed(curves.batchLosses).map((v, i): [number, number] => [i + 1, v]));
}

/** The training loss (smoothed, per batch) and the accuracy per epoch, with a table of numbers. */
export function TrainCharts({
  curves,
  previous,
}: {
  curves: RunCurves;
  previous: RunCurves | null;
}) {
  const t = useT();
  const loss = useMemo<Series[]>(() => {
    const series: Series[] = [];
    if (previous)
      series.push({
        name: t('train.series.previous'),
        points: lossPoints(previous),
        className: 'tr-previous',
      });
    series.push({ name: t('train.series.loss'), points: lossPoints(curves), className: 'tr-loss' });
    return series;
  }, [curves, previous, t]);
  const accuracy = useMemo<Series[]>(() => {
    const series: Series[] = [];
    if (previous)
      series.push({
        name: t('train.series.previous'),
        points: previous.epochs.map((e) => [e.epoch, e.test?.accuracy ?? e.accuracy]),
        className: 'tr-previous',
      });
    series.push({
      name: t('train.series.train'),
      points: curves.epochs.map((e) => [e.epoch, e.accuracy]),
      className: 'tr-train',
    });
    if (curves.epochs.some((e) => e.test))
      series.push({
        name: t('train.series.test'),
        points: curves.epochs.flatMap((e) =>
          e.test ? [[e.epoch, e.test.accuracy] as [number, number]] : [],
        ),
        className: 'tr-test',
      });
    return series;
  }, [curves, previous, t]);
  const epochs = Math.max(
    1,
    ...curves.epochs.map((e) => e.epoch),
    ...(previous?.epochs.map((e) => e.epoch) ?? []),
  );
  return (
    <div className="tr-charts">
      <LineChart title={t('train.lossChart')} xLabel={t('train.batchAxis')} series={loss} />
      <LineChart
        title={t('train.accuracyChart')}
        xLabel={t('train.epochAxis')}
        series={accuracy}
        yDomain={[0, 1]}
        xDomain={[0, epochs]}
        yFormat={percent}
      />
      <details className="tr-table">
        <summary>{t('train.table')}</summary>
        {curves.epochs.length === 0 ? (
          <p>{t('train.noEpochs')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('train.table.epoch')}</th>
                <th scope="col">{t('train.table.loss')}</th>
                <th scope="col">{t('train.table.accuracy')}</th>
                <th scope="col">{t('train.table.testLoss')}</th>
                <th scope="col">{t('train.table.testAccuracy')}</th>
              </tr>
            </thead>
            <tbody>
              {curves.epochs.map((e) => (
                <tr key={e.epoch}>
                  <th scope="row">{e.epoch}</th>
                  <td>{e.loss.toFixed(4)}</td>
                  <td>{percent(e.accuracy)}</td>
                  <td>{e.test ? e.test.loss.toFixed(4) : '—'}</td>
                  <td>{e.test ? percent(e.test.accuracy) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </div>
  );
}
