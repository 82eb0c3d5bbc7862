import { useEditorStore } from '../../state/useEditorStore.ts';
import { useT } from '../../i18n/useT.ts';
import type { ShownTensor } from '../inspect/useNodeData.ts';
import { scoreOf } from './marking.ts';
import { useExercise } from './useExercise.ts';
import './exercise.css';

/**
 * Under a Conv2D or MaxPool output: the practice switch (手計算), and the score while an
 * exercise is on. Turning practice on hides every output cell; the panel can pick fewer.
 */
export function PracticeBar({
  nodeId,
  tensor,
}: {
  nodeId: string;
  tensor: ShownTensor | undefined;
}) {
  const t = useT();
  const store = useEditorStore();
  const state = useExercise(nodeId, tensor?.data);
  const on = state.exercise !== undefined;
  const toggle = () =>
    store.dispatch([{ kind: 'setExercise', id: nodeId, exercise: on ? null : { hidden: 'all' } }]);
  const score = tensor ? scoreOf(state.hidden, state.answers, state.shown, tensor.data) : null;
  return (
    <>
      <button type="button" className="xa-toggle" aria-pressed={on} onClick={toggle}>
        {t('exercise.practice')}
      </button>
      {on && score && (
        // aria-live rather than role=status: the status bar is the page's one status.
        <span className="xa-score" aria-live="polite">
          {t('exercise.score', { right: score.right, total: score.total })}
          {score.shown > 0 && ` · ${t('exercise.shownCount', { n: score.shown })}`}
        </span>
      )}
    </>
  );
}
