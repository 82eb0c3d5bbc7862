import { useT } from '../../i18n/useT.ts';
import '../../i18n/explain-messages.ts';
import { useInspectStore } from '../inspect/useInspect.ts';
import { AnswerField } from './AnswerField.tsx';
import { markAnswer } from './marking.ts';
import { useExercise } from './useExercise.ts';

export interface ExerciseAskProps {
  nodeId: string;
  index: number;
  output: Float32Array;
  kind: 'conv' | 'pool';
}

/**
 * In the panel, for an exercise cell not yet solved: the slide's prompt, what to compute,
 * an answer box, and "show me", which opens the worked solution.
 */
export function ExerciseAsk({ nodeId, index, output, kind }: ExerciseAskProps) {
  const t = useT();
  const inspect = useInspectStore();
  const { answers } = useExercise(nodeId, output);
  const right = markAnswer(answers.get(index) ?? '', output[index]) === 'right';
  return (
    <div className="xa-ask">
      <p className="xa-prompt">{t('exercise.prompt')}</p>
      <p className="ex-note">{t(kind === 'conv' ? 'exercise.howConv' : 'exercise.howPool')}</p>
      <div className="xa-ask-row">
        <AnswerField
          {...{ nodeId, index }}
          expected={output[index]}
          label={t('exercise.yourAnswer')}
        />
        <button
          type="button"
          className="cf-button"
          onClick={() => inspect.show(nodeId, index, right)}
        >
          {t('exercise.showMe')}
        </button>
      </div>
    </div>
  );
}
