import { useEffect, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/train-messages.ts';
import { useEditorState } from '../../state/useEditorState.ts';
import { useTraining, useTrainingState } from './TrainingContext.tsx';

/**
 * "Why it said that": while on (and no run is going), the chain's maps show the gradient
 * of the loss (or, for a drawing, of the predicted class's score) at each node's output and
 * at the Input, for whatever the Input holds: a saliency map, red and blue either side of 0.
 */
export function WhyToggle() {
  const t = useT();
  const training = useTraining();
  const { phase, shown } = useTrainingState();
  const [on, setOn] = useState(false);
  const input = useEditorState((s) => {
    const node = s.doc.nodes.find((n) => n.id === s.doc.training?.input);
    return node?.type === 'Input' ? node.params.tensor.data : undefined;
  });
  // Any time no run is going: a graph trained before (a preset) can be asked too.
  const usable = phase !== 'running' && phase !== 'loading';
  useEffect(() => {
    void training?.controller.explain(on && usable);
  }, [training, on, usable, input, shown]);
  if (!training) return null;
  return (
    <label className="cf-check tr-why">
      <input
        type="checkbox"
        checked={on}
        disabled={!usable}
        onChange={(e) => setOn(e.target.checked)}
      />
      <span>{t('train.why')}</span>
    </label>
  );
}
