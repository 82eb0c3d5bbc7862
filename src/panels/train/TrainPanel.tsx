import { useEditorState } from '../../state/useEditorState.ts';
import { secondsLeft, type TrainingState } from '../../state/training-store.ts';
import type { TrainingController } from '../../engine-client/training-controller.ts';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/train-messages.ts';
import { TrainCharts } from './TrainCharts.tsx';
import { TrainSettings } from './TrainSettings.tsx';
import { ConfusionMatrix } from './ConfusionMatrix.tsx';
import { SampleBar } from './SampleBar.tsx';
import { WhyToggle } from './WhyToggle.tsx';
import { useTraining, useTrainingState } from './TrainingContext.tsx';
import './train.css';

/**
 * The Train panel: the training section's settings, Start / Pause / Resume / Step / Reset,
 * progress, the loss and accuracy charts, and the sample the maps follow.
 */
export function TrainPanel({ onClose }: { onClose(): void }) {
  const t = useT();
  const spec = useEditorState((s) => s.doc.training);
  const training = useTraining();
  const state = useTrainingState();
  return (
    <aside className="tr-panel" aria-label={t('train.panel')}>
      <header className="tr-panel-header">
        <h2 className="tr-title">{t('train.panel')}</h2>
        <button type="button" className="ex-close" aria-label={t('train.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="tr-panel-body">
        {!spec || !training ? (
          <p className="tr-none">{t('train.none')}</p>
        ) : (
          <>
            <TrainSettings
              spec={spec}
              disabled={state.phase === 'running' || state.phase === 'loading'}
            />
            <Controls state={state} controller={training.controller} />
            <Progress state={state} batchSize={spec.batchSize} />
            <SampleBar />
            <WhyToggle />
            <TrainCharts curves={state.curves} previous={state.previous} />
            <ConfusionMatrix />
          </>
        )}
      </div>
    </aside>
  );
}

function Controls({ state, controller }: { state: TrainingState; controller: TrainingController }) {
  const t = useT();
  const { phase } = state;
  const busy = phase === 'loading';
  const started = phase === 'paused' || phase === 'running';
  return (
    <div className="tr-controls" role="group" aria-label={t('train.panel')}>
      {phase === 'running' ? (
        <button
          type="button"
          className="cf-button tr-primary"
          onClick={() => void controller.pause()}
        >
          {t('train.pause')}
        </button>
      ) : started && state.position ? (
        <button
          type="button"
          className="cf-button tr-primary"
          onClick={() => void controller.resume()}
        >
          {t('train.resume')}
        </button>
      ) : (
        <button
          type="button"
          className="cf-button tr-primary"
          disabled={busy}
          onClick={() => void controller.start()}
        >
          {t('train.start')}
        </button>
      )}
      <button
        type="button"
        className="cf-button"
        disabled={busy || phase === 'running' || phase === 'ended'}
        onClick={() => void controller.step()}
      >
        {t('train.step')}
      </button>
      <button
        type="button"
        className="cf-button"
        disabled={busy || phase === 'running'}
        title={t('train.resetHint')}
        onClick={() => controller.reset()}
      >
        {t('train.reset')}
      </button>
    </div>
  );
}

function Progress({ state, batchSize }: { state: TrainingState; batchSize: number }) {
  const t = useT();
  const p = state.position;
  const done = p
    ? ((p.epoch - 1) * p.batchesPerEpoch + p.batch) / (p.epochs * p.batchesPerEpoch)
    : 0;
  const fraction = state.phase === 'ended' ? 1 : done;
  const left = state.phase === 'running' ? secondsLeft(p, batchSize) : null;
  return (
    <div className="tr-progress">
      <p className="tr-phase" aria-live="polite">
        {state.phase === 'failed'
          ? t('train.phase.failed', { error: state.error ?? '' })
          : t(`train.phase.${state.phase}`)}
      </p>
      <progress max={1} value={fraction} aria-label={t('train.panel')} />
      {p && (
        <p className="tr-position">
          {t('train.progress', {
            epoch: p.epoch,
            epochs: p.epochs,
            batch: Math.min(p.batch + 1, p.batchesPerEpoch),
            batches: p.batchesPerEpoch,
          })}
          {p.samplesPerSecond > 0 && (
            <> · {t('train.speed', { rate: Math.round(p.samplesPerSecond).toLocaleString() })}</>
          )}
          {left !== null && <> · {t('train.left', { s: Math.ceil(left) })}</>}
        </p>
      )}
    </div>
  );
}
