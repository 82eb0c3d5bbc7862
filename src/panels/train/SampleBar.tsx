import { useT } from '../../i18n/useT.ts';
import { useTraining, useTrainingState } from './TrainingContext.tsx';

/**
 * The sample the maps follow while training: its split and index, previous / next /
 * random, its label and what the network predicts for it, right or wrong.
 */
export function SampleBar() {
  const t = useT();
  const training = useTraining();
  const { watched, watch, info } = useTrainingState();
  if (!training || !info || !watched) return null;
  const split = watch.split;
  const count = split === 'test' ? info.testCount : info.trainCount;
  const go = (index: number) =>
    void training.controller.watch(split, ((index % count) + count) % count);
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
        onClick={() => go(watch.index - 1)}
      >
        ‹
      </button>
      <button
        type="button"
        className="cf-button"
        aria-label={t('train.nextSample')}
        onClick={() => go(watch.index + 1)}
      >
        ›
      </button>
      <button
        type="button"
        className="cf-button"
        onClick={() => go(Math.floor(Math.random() * count))}
      >
        {t('train.randomSample')}
      </button>
      <span className={right ? 'tr-right' : 'tr-wrong'}>
        {t('train.label', { label: watched.label })} ·{' '}
        {t('train.predicted', { predicted: watched.predicted })} ·{' '}
        {t(right ? 'train.right' : 'train.wrong')}
      </span>
    </div>
  );
}
