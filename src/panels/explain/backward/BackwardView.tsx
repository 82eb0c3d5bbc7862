import { useState } from 'react';
import type { StepRecord } from '../../../engine/train/step-record.ts';
import { useT } from '../../../i18n/useT.ts';
import { useEditorState } from '../../../state/useEditorState.ts';
import { formatValueLong } from '../../../ui/format-value.ts';
import type { Focus } from '../../inspect/inspect-store.ts';
import type { NodeData } from '../../inspect/useNodeData.ts';
import { useTraining, useTrainingState } from '../../train/TrainingContext.tsx';
import { CellGradient } from './CellGradient.tsx';
import { WeightGradient, type WeightChoice } from './WeightGradient.tsx';
import './backward.css';
import '../../../i18n/backward-messages.ts';

/**
 * Backpropagation written out like the forward pass: for the last training step (taken
 * with "Take one step" or the Train panel's "Step one batch"), the gradient at the focused
 * cell and where it came from, then a weight's gradient as a sum of products and the
 * optimizer's update. Every number is the engine's own record of that step.
 */
export default function BackwardView({ data, focus }: { data: NodeData; focus: Focus }) {
  const t = useT();
  const training = useTraining();
  const { lastStep: record, phase, position } = useTrainingState();
  const hasSection = useEditorState((s) => s.doc.training !== undefined);
  const [sample, setSample] = useState(0);
  const [choice, setChoice] = useState<WeightChoice>({ pick: null, channel: 0 });
  const layer = record ? record.layers.findIndex((l) => l.node.id === data.node.id) : -1;
  const busy = phase === 'running' || phase === 'loading';
  const step = () => void training?.controller.step();
  const stepButton = (label: string) => (
    <button type="button" className="bk-step" onClick={step} disabled={busy || !training}>
      {label}
    </button>
  );
  if (!hasSection) return <p className="ex-note">{t('back.noTraining')}</p>;
  if (!record) {
    // A step was taken but not recorded: the network is too large to write out.
    const tooBig = position !== null && position.steps > 0 && phase === 'paused';
    return (
      <section className="ex-section bk-empty">
        <p className="ex-note">{t(tooBig ? 'back.tooBig' : 'back.none')}</p>
        {stepButton(t('back.takeStep'))}
      </section>
    );
  }
  if (layer < 0) return <p className="ex-note">{t('back.notInChain')}</p>;
  const s = Math.min(sample, record.n - 1);
  return (
    <>
      <section className="ex-section bk-header">
        <p className="bk-step-line">
          {t('back.step', {
            step: record.step,
            epoch: record.epoch,
            batch: record.batch + 1,
            loss: formatValueLong(record.loss),
          })}
        </p>
        {stepButton(t('back.takeAnother'))}
        {record.n > 1 && <SampleNav record={record} sample={s} onSample={setSample} />}
      </section>
      <CellGradient record={record} layer={layer} sample={s} cell={focus.index} />
      {record.layers[layer]!.params.length > 0 && (
        <WeightGradient
          {...{ record, layer, choice }}
          sample={s}
          cell={focus.index}
          onChoice={setChoice}
        />
      )}
    </>
  );
}

function SampleNav(props: { record: StepRecord; sample: number; onSample(s: number): void }) {
  const { record, sample, onSample } = props;
  const t = useT();
  return (
    <div className="bk-samples">
      <button
        type="button"
        aria-label={t('back.previousSample')}
        disabled={sample === 0}
        onClick={() => onSample(sample - 1)}
      >
        ‹
      </button>
      <span aria-live="polite">
        {t('back.sample', { k: sample + 1, n: record.n, index: record.samples[sample]! })}
      </span>
      <button
        type="button"
        aria-label={t('back.nextSample')}
        disabled={sample === record.n - 1}
        onClick={() => onSample(sample + 1)}
      >
        ›
      </button>
    </div>
  );
}
