import { compressedFragment, extractPayload, linkText } from './link-codec.ts';
import { parseLessonText, type ParsedLesson } from './lesson-parse.ts';
import type { ParseResult } from './parse.ts';
import { stringifyDocument } from './tensor-data.ts';

/** The fragment key: `#lesson=…&step=N`. */
export const LESSON_KEY = 'lesson';

/**
 * The fragment of a link to a lesson, opening at step `step` (0-based here, 1-based in the
 * link, as the player counts): `#lesson=z1.<base64url(deflate-raw(JSON))>&step=3`.
 */
export function encodeLessonLink(lesson: ParsedLesson, step: number): string {
  return `${compressedFragment(stringifyDocument(lesson), LESSON_KEY)}&step=${step + 1}`;
}

/** Whether a fragment or URL carries a lesson. */
export function hasLessonLink(link: string): boolean {
  return extractPayload(link, LESSON_KEY) !== null;
}

/**
 * The lesson a link carries and the step it opens at (0-based; the first when the link
 * names none or one past the end). Never throws: the error names the problem.
 */
export function decodeLessonLink(
  link: string,
): ParseResult<{ lesson: ParsedLesson; step: number }> {
  const text = linkText(link, LESSON_KEY);
  if (!text.ok) return text;
  const parsed = parseLessonText(text.value);
  if (!parsed.ok) return { ok: false, error: `link holds an invalid lesson: ${parsed.error}` };
  const n = Number(extractPayload(link, 'step'));
  const step = Number.isInteger(n) && n >= 1 && n <= parsed.value.steps.length ? n - 1 : 0;
  return { ok: true, value: { lesson: parsed.value, step } };
}
