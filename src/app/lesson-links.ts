import { decodeLessonLink, hasLessonLink } from '../graph/lesson-link.ts';
import { parseLesson, parseLessonText, type ParsedLesson } from '../graph/lesson-parse.ts';
import type { EditorStore } from '../state/editor-store.ts';
import { BUILT_IN, OPEN_KEY, type LessonStore } from '../state/lesson-store.ts';

/** The built-in lesson (the deck), loaded when first asked for. */
export async function deckLesson(): Promise<ParsedLesson> {
  const raw = (await import('../../presets/lessons/deck.json')).default as unknown;
  const parsed = parseLesson(raw);
  if (!parsed.ok) throw new Error(`the built-in lesson is damaged: ${parsed.error}`);
  return parsed.value;
}

/**
 * Open the lesson a link carries (`#lesson=…&step=N`), if it carries one. A damaged link
 * says why and changes nothing: the graph and any lesson open stay as they were.
 */
export function openLessonLink(link: string, lessons: LessonStore, editor: EditorStore): boolean {
  if (!hasLessonLink(link)) return false;
  const decoded = decodeLessonLink(link);
  if (!decoded.ok) {
    editor.pushNotice('error', { key: 'lesson.badLink', params: { problem: decoded.error } });
    return true;
  }
  lessons.open(decoded.value.lesson, decoded.value.step);
  return true;
}

/** Open the lesson that was open when the page was left, at the learner's step. */
export async function reopenLesson(storage: Storage | null, lessons: LessonStore): Promise<void> {
  let raw: unknown;
  try {
    raw = JSON.parse(storage?.getItem(OPEN_KEY) ?? 'null');
  } catch {
    return;
  }
  if (!raw || typeof raw !== 'object') return;
  const kept = raw as { id?: unknown; text?: unknown };
  if (kept.id === BUILT_IN) return lessons.open(await deckLesson());
  if (typeof kept.text !== 'string' || kept.text === '') return;
  const parsed = parseLessonText(kept.text);
  if (parsed.ok) lessons.open(parsed.value);
}
