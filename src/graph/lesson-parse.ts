import { LESSON_LIMITS, lessonSchema, type Lesson, type LessonStep } from './lesson-schema.ts';
import { describeIssues, parseGraph, type ParseResult } from './parse.ts';
import type { GraphDocument } from './types.ts';

/** Largest lesson text read, in characters; checked before JSON.parse allocates anything. */
export const MAX_LESSON_CHARS = 16 * 1024 * 1024;

/** A step whose whole graph, if it has one, is a checked graph document. */
export type ParsedStep = Omit<LessonStep, 'graph'> & { graph?: GraphDocument };
export type ParsedLesson = Omit<Lesson, 'steps'> & { steps: ParsedStep[] };

/**
 * Validate an already-parsed JSON value as a lesson (format `convflow-lesson`, version 1),
 * every step's graph included. The error names the path and the rule, as for graphs:
 * `steps[3].graph: nodes[0].type: expected …`.
 */
export function parseLesson(value: unknown): ParseResult<ParsedLesson> {
  // A list of a million steps is refused before a single one is read.
  const steps = (value as { steps?: unknown } | null)?.steps;
  if (Array.isArray(steps) && steps.length > LESSON_LIMITS.maxSteps)
    return fail(`steps: expected at most ${LESSON_LIMITS.maxSteps} steps, got ${steps.length}`);
  const result = lessonSchema.safeParse(value);
  if (!result.success) return fail(describeIssues(result.error.issues));
  const parsed: ParsedStep[] = [];
  for (const [i, step] of result.data.steps.entries()) {
    if (step.graph === undefined) {
      parsed.push(step as ParsedStep);
      continue;
    }
    const graph = parseGraph(step.graph);
    if (!graph.ok) return fail(`steps[${i}].graph: ${graph.error}`);
    parsed.push({ ...step, graph: graph.value });
  }
  return { ok: true, value: { ...result.data, steps: parsed } };
}

/** Validate JSON text as a lesson. */
export function parseLessonText(text: string): ParseResult<ParsedLesson> {
  if (text.length > MAX_LESSON_CHARS)
    return fail(`lesson is ${text.length} characters, over the limit of ${MAX_LESSON_CHARS}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail(`not JSON: ${(e as Error).message.slice(0, 200)}`);
  }
  return parseLesson(value);
}

/** Whether a parsed JSON value says it is a lesson (rather than a graph). */
export function isLessonValue(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { format?: unknown }).format === 'convflow-lesson'
  );
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
