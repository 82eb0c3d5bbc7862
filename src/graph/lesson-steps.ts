import { applyEdits, type GraphEdit } from './edits.ts';
import type { ParsedLesson } from './lesson-parse.ts';
import type { ParseResult } from './parse.ts';
import type { GraphDocument } from './types.ts';

/** A built-in preset's graph by name, or undefined when there is none of that name. */
export type PresetSource = (key: string) => Promise<GraphDocument | undefined>;

/**
 * The graph of step `index`: its own graph, a preset's, or the previous step's with its
 * edits applied (in order, all or nothing). Never throws; a missing preset or an edit that
 * does not apply names the step.
 */
export async function stepGraph(
  lesson: ParsedLesson,
  index: number,
  presets: PresetSource,
): Promise<ParseResult<GraphDocument>> {
  const step = lesson.steps[index];
  if (!step) return { ok: false, error: `the lesson has no step ${index + 1}` };
  if (step.graph) return { ok: true, value: step.graph };
  if (step.preset !== undefined) {
    const doc = await presets(step.preset);
    return doc
      ? { ok: true, value: doc }
      : { ok: false, error: `steps[${index}].preset: there is no preset "${step.preset}"` };
  }
  // Edits: the previous step's graph, however it came, then these.
  let start = index - 1;
  while (start > 0 && lesson.steps[start]!.edits) start--;
  const base = await stepGraph(lesson, start, presets);
  if (!base.ok) return base;
  let doc = base.value;
  for (let i = start + 1; i <= index; i++) {
    const edits = lesson.steps[i]!.edits as GraphEdit[];
    const applied = applyEdits(doc, edits);
    if (!applied.ok) return { ok: false, error: `steps[${i}].edits: ${applied.error}` };
    doc = applied.value.doc;
  }
  return { ok: true, value: doc };
}
