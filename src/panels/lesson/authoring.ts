import type { ParsedLesson, ParsedStep } from '../../graph/lesson-parse.ts';
import { stepGraph, type PresetSource } from '../../graph/lesson-steps.ts';
import type { GraphDocument } from '../../graph/types.ts';

/**
 * The lesson with every step that is edits of the previous one turned into its whole graph,
 * so steps can be moved and deleted without breaking what they were built on.
 */
export async function standalone(
  lesson: ParsedLesson,
  presets: PresetSource,
): Promise<ParsedLesson> {
  const steps: ParsedStep[] = [];
  for (const [i, step] of lesson.steps.entries()) {
    if (!step.edits) {
      steps.push(step);
      continue;
    }
    const graph = await stepGraph(lesson, i, presets);
    if (!graph.ok) throw new Error(graph.error);
    const { edits: _, ...rest } = step;
    steps.push({ ...rest, graph: graph.value });
  }
  return { ...lesson, steps };
}

/** A new step after `at` holding `graph`, titled and narrated as the teacher will write. */
export function withStep(lesson: ParsedLesson, at: number, graph: GraphDocument): ParsedLesson {
  const step: ParsedStep = { title: { en: 'New step' }, narration: { en: '' }, graph };
  return {
    ...lesson,
    steps: [...lesson.steps.slice(0, at + 1), step, ...lesson.steps.slice(at + 1)],
  };
}

/** Step `from` moved to `to` (both in range). */
export function movedStep(lesson: ParsedLesson, from: number, to: number): ParsedLesson {
  const steps = [...lesson.steps];
  const [step] = steps.splice(from, 1);
  steps.splice(to, 0, step!);
  return { ...lesson, steps };
}

/** Step `at` removed (a lesson keeps at least one). */
export function withoutStep(lesson: ParsedLesson, at: number): ParsedLesson {
  if (lesson.steps.length <= 1) return lesson;
  return { ...lesson, steps: lesson.steps.filter((_, i) => i !== at) };
}

/** Step `at` with new text: a title or narration in one language. */
export function withText(
  lesson: ParsedLesson,
  at: number,
  field: 'title' | 'narration',
  lang: 'en' | 'ja',
  text: string,
): ParsedLesson {
  const steps = lesson.steps.map((s, i) =>
    i === at ? { ...s, [field]: { ...s[field], [lang]: text } } : s,
  );
  return { ...lesson, steps };
}
