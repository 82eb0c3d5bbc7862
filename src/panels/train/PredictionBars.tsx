import { useT } from '../../i18n/useT.ts';

/**
 * A softmax output as bars, one per class, the predicted class marked; with the label
 * known, marked right or wrong.
 */
export function PredictionBars({
  probabilities,
  label,
}: {
  probabilities: Float32Array;
  label: number | null;
}) {
  const t = useT();
  let predicted = 0;
  probabilities.forEach((p, i) => {
    if (p > probabilities[predicted]!) predicted = i;
  });
  const verdict = label === null ? null : predicted === label;
  return (
    <figure className="tr-bars" aria-label={t('train.prediction')}>
      <ol className="tr-bar-list">
        {[...probabilities].map((p, i) => (
          <li
            key={i}
            className={i === predicted ? 'tr-bar tr-bar-top' : 'tr-bar'}
            title={`${i}: ${(p * 100).toFixed(1)}%`}
          >
            <span className="tr-bar-fill" style={{ height: `${Math.max(p * 100, 1)}%` }} />
            <span className="tr-bar-label">{i}</span>
          </li>
        ))}
      </ol>
      <figcaption className={verdict === null ? undefined : verdict ? 'tr-right' : 'tr-wrong'}>
        {t('train.predicted', { predicted })} ({(probabilities[predicted]! * 100).toFixed(0)}%)
        {label !== null && (
          <>
            {' '}
            · {t('train.label', { label })} · {t(verdict ? 'train.right' : 'train.wrong')}
          </>
        )}
      </figcaption>
    </figure>
  );
}
