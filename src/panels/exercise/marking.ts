import type { Exercise } from '../../graph/types.ts';

/** How a typed answer compares with the engine's value. */
export type Mark = 'empty' | 'invalid' | 'right' | 'wrong';

/** Absolute tolerance of an answer; a larger value gets {@link RELATIVE_TOLERANCE} of itself. */
export const ABSOLUTE_TOLERANCE = 0.005;
export const RELATIVE_TOLERANCE = 0.005;

/**
 * A number as a learner types it, or null: full-width digits and signs (an IME's `３`, `－`,
 * `．`), the minus sign `−` and a decimal comma are accepted; anything else is not a number.
 * @example parseAnswer('－１．５') // -1.5
 */
export function parseAnswer(text: string): number | null {
  const normal = text
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013\u30fc]/g, '-')
    .replace(',', '.')
    .trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normal)) return null;
  const value = Number(normal);
  return Number.isFinite(value) ? value : null;
}

/**
 * Marks an answer: right when within ±0.005 of the value or 0.5 % of it, whichever is
 * larger, so `0.73` is right for 0.7316 and `3` is wrong for 2.6.
 * @example markAnswer('3', 3) // 'right'
 */
export function markAnswer(text: string, expected: number): Mark {
  if (text.trim() === '') return 'empty';
  const value = parseAnswer(text);
  if (value === null) return 'invalid';
  const tolerance = Math.max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * Math.abs(expected));
  return Math.abs(value - expected) <= tolerance ? 'right' : 'wrong';
}

/** The hidden output cells of an exercise over an output of `size` cells, ascending. */
export function hiddenCells(exercise: Exercise | undefined, size: number): number[] {
  if (!exercise) return [];
  if (exercise.hidden === 'all') return Array.from({ length: size }, (_, i) => i);
  return exercise.hidden.filter((i) => i < size).sort((a, b) => a - b);
}

export interface Score {
  right: number;
  wrong: number;
  /** Cells whose worked solution was opened ("show me") before a right answer. */
  shown: number;
  total: number;
}

/**
 * The score of one node's exercise: answers typed by index, and the cells whose worked
 * solution was opened before they were answered right (those count as shown, not right).
 */
export function scoreOf(
  hidden: readonly number[],
  answers: ReadonlyMap<number, string>,
  shown: ReadonlySet<number>,
  output: ArrayLike<number>,
): Score {
  const score: Score = { right: 0, wrong: 0, shown: 0, total: hidden.length };
  for (const i of hidden) {
    const mark = markAnswer(answers.get(i) ?? '', output[i]);
    if (shown.has(i)) score.shown++;
    else if (mark === 'right') score.right++;
    else if (mark === 'wrong' || mark === 'invalid') score.wrong++;
  }
  return score;
}

/** The exercise after toggling one cell; `'all'` expands to its cells first. */
export function toggleHidden(
  exercise: Exercise | undefined,
  size: number,
  index: number,
): Exercise {
  const cells = new Set(hiddenCells(exercise, size));
  if (cells.has(index)) cells.delete(index);
  else cells.add(index);
  return { hidden: [...cells].sort((a, b) => a - b) };
}
