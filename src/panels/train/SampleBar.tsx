import { useEffect, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/train-messages.ts';
import { useTraining, useTrainingState } from './TrainingContext.tsx';

/**
 * The sample the maps follow (and, with no run going, the Input holds): its split and
 * index, previous / next / random, optionally only samples of one class, its label and
 * what the network predicts for it, right or wrong.
 */
export function SampleBar() {
  const t = useT();
  const training = useTraining();
  const { watched, watch, info } = useTrainingState();
  const [only, setOnly] = useState<number | null>(null);
  const [labels, setLabels] = useState<Uint8Array | null>(null);
  const split = watch.split;
  useEffect(() => {
    let live = true;
    if (info) void training?.controller.labels(split).then((l) => live && setLabels(l));
    return () => {
      live = false;
    };
  }, [training, info, split]);
  if (!training || !info || !watched) return null;
  const count = split === 'test' ? info.testCount : info.trainCount;
  const fits = (i: number) => only === null || labels?.[i] === only;
  /** The next sample from `from` going `step` (±1) that fits the class filter. */
  const seek = (from: number, step: number) => {
    for (let k = 1; k <= count; k++) {
      const i = (((from + k * step) % count) + count) % count;
      if (fits(i)) return i;
    }
    return from;
  };
  const go = (index: number) => void training.controller.watch(split, index);
  const random = () => {
    const candidates = Array.from({ length: count }, (_, i) => i).filter(fits);
    if (candidates.length > 0) go(candidates[Math.floor(Math.random() * candidates.length)]!);
  };
  const classes = info.classes;
  const right = watched.predicted === watched.label;
  return (
    <div className="tr-sample" role="group" aria-label={t('train.sample')}>
      <span>
        {t('train.sampleOf', { split: t(`train.split.${split}`), index: watch.index + 1, count })}
      </span>
      <button
        type="button"
        className="cf-button"
        aria-label={t('train.previousSample')}
        onClick={() => go(seek(watch.index, -1))}
      >
        ‹
      </button>
      <button
        type="button"
        className="cf-button"
        aria-label={t('train.nextSample')}
        onClick={() => go(seek(watch.index, 1))}
      >
        ›
      </button>
      <button type="button" className="cf-button" onClick={random}>
        {t('train.randomSample')}
      </button>
      {classes > 1 && labels && (
        <label className="cf-field-label">
          <span className="cf-field-name">{t('train.onlyClass')}</span>
          <select
            className="cf-input"
            value={only ?? ''}
            onChange={(e) => {
              const next = e.target.value === '' ? null : Number(e.target.value);
              setOnly(next);
              if (next !== null && labels[watch.index] !== next) {
                const first = labels.findIndex((l) => l === next);
                if (first >= 0) go(first);
              }
            }}
          >
            <option value="">{t('train.anyClass')}</option>
            {Array.from({ length: classes }, (_, c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      )}
      <span className={right ? 'tr-right' : 'tr-wrong'}>
        {t('train.label', { label: watched.label })} ·{' '}
        {t('train.predicted', { predicted: watched.predicted })} ·{' '}
        {t(right ? 'train.right' : 'train.wrong')}
      </span>
    </div>
  );
}
