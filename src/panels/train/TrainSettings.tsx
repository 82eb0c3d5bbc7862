import type { TrainingSpec } from '../../graph/types.ts';
import { LIMITS } from '../../graph/limits.ts';
import { LOSSES, OPTIMIZERS } from '../../graph/training-schema.ts';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/train-messages.ts';
import { useEditorStore } from '../../state/useEditorStore.ts';
import { NumberField } from '../../ui/fields/NumberField.tsx';
import { SelectField } from '../../ui/fields/SelectField.tsx';

/** The training section's settings, each edited in place (one `setTraining` edit each). */
export function TrainSettings({ spec, disabled }: { spec: TrainingSpec; disabled: boolean }) {
  const t = useT();
  const store = useEditorStore();
  const commit = (fields: Record<string, unknown>): string | null => {
    const result = store.dispatch([{ kind: 'setTraining', fields }], { quiet: true });
    return result.ok ? null : result.error;
  };
  const data =
    'dataset' in spec.data
      ? t('train.dataset.mnist', {
          count: (spec.data.limit ?? LIMITS.mnistTrainSamples).toLocaleString(),
        })
      : t('train.dataset.inline', { count: spec.data.x.shape[0]! });
  return (
    <fieldset className="tr-settings" disabled={disabled}>
      <legend>{t('train.settings')}</legend>
      <p className="tr-data">
        <span className="cf-field-name">{t('train.data')}</span> {data}
      </p>
      <SelectField
        name={t('train.loss')}
        value={spec.loss}
        options={LOSSES}
        onCommit={(loss) => commit({ loss })}
      />
      <SelectField
        name={t('train.optimizer')}
        value={spec.optimizer.type}
        options={OPTIMIZERS}
        onCommit={(type) =>
          commit({ optimizer: { type, learningRate: spec.optimizer.learningRate } })
        }
      />
      <NumberField
        name={t('train.learningRate')}
        value={spec.optimizer.learningRate}
        min={0}
        step={0.0005}
        onCommit={(learningRate) => commit({ optimizer: { ...spec.optimizer, learningRate } })}
      />
      <NumberField
        name={t('train.batchSize')}
        value={spec.batchSize}
        min={1}
        max={LIMITS.maxBatchSize}
        onCommit={(batchSize) => commit({ batchSize })}
      />
      <NumberField
        name={t('train.epochs')}
        value={spec.epochs}
        min={1}
        max={LIMITS.maxEpochs}
        onCommit={(epochs) => commit({ epochs })}
      />
    </fieldset>
  );
}
