import { useCallback, useMemo } from 'react';
import type { Exercise } from '../../graph/types.ts';
import { useEditorState } from '../../state/useEditorState.ts';
import { useInspect } from '../inspect/useInspect.ts';
import { hiddenCells, markAnswer } from './marking.ts';

const NO_ANSWERS: ReadonlyMap<number, string> = new Map();
const NONE_SHOWN: ReadonlySet<number> = new Set();

/** A node's exercise as the document holds it, or undefined. */
export function useExerciseSpec(nodeId: string): Exercise | undefined {
  return useEditorState(
    useCallback(
      (s) => {
        const node = s.doc.nodes.find((n) => n.id === nodeId);
        return node && 'exercise' in node ? node.exercise : undefined;
      },
      [nodeId],
    ),
  );
}

export interface ExerciseState {
  exercise: Exercise | undefined;
  hidden: number[];
  answers: ReadonlyMap<number, string>;
  shown: ReadonlySet<number>;
  /** Hidden cells neither answered right nor shown: their values stay hidden everywhere. */
  unsolved: ReadonlySet<number>;
}

/** The exercise of a node over its output, with the learner's answers so far. */
export function useExercise(nodeId: string, output: ArrayLike<number> | undefined): ExerciseState {
  const exercise = useExerciseSpec(nodeId);
  const answers = useInspect(useCallback((s) => s.answers.get(nodeId), [nodeId])) ?? NO_ANSWERS;
  const shown = useInspect(useCallback((s) => s.shown.get(nodeId), [nodeId])) ?? NONE_SHOWN;
  const size = output?.length ?? 0;
  return useMemo(() => {
    const hidden = hiddenCells(exercise, size);
    const unsolved = new Set(
      hidden.filter(
        (i) => !shown.has(i) && markAnswer(answers.get(i) ?? '', output![i]) !== 'right',
      ),
    );
    return { exercise, hidden, answers, shown, unsolved };
  }, [exercise, size, answers, shown, output]);
}
