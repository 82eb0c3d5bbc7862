import { describe, expect, it } from 'vitest';
import {
  hiddenCells,
  markAnswer,
  parseAnswer,
  scoreOf,
  toggleHidden,
} from '../../../src/panels/exercise/marking.ts';

describe('parseAnswer', () => {
  it.each([
    ['3', 3],
    [' -1.5 ', -1.5],
    ['.25', 0.25],
    ['2.', 2],
    ['1e-3', 0.001],
    ['３', 3],
    ['－１．５', -1.5],
    ['−2', -2],
    ['0,75', 0.75],
  ])('reads %j as %d', (text, value) => expect(parseAnswer(text)).toBe(value));

  it.each(['', 'abc', '1/2', '3 4', '--1', '1e999', 'Infinity', 'NaN'])('refuses %j', (text) =>
    expect(parseAnswer(text)).toBeNull(),
  );
});

describe('markAnswer', () => {
  it('slide 1, cell (0,0) = 3: "3" is right, "5" is wrong', () => {
    expect(markAnswer('3', 3)).toBe('right');
    expect(markAnswer('5', 3)).toBe('wrong');
  });

  it('decimals: within ±0.005 or 0.5 % is right', () => {
    expect(markAnswer('0.73', 0.7316)).toBe('right');
    expect(markAnswer('0.7', 0.7316)).toBe('wrong');
    expect(markAnswer('3', 2.6)).toBe('wrong');
    expect(markAnswer('123', 123.4)).toBe('right');
    expect(markAnswer('-0.004', 0)).toBe('right');
  });

  it('an empty box is not marked; words are not numbers', () => {
    expect(markAnswer('  ', 3)).toBe('empty');
    expect(markAnswer('three', 3)).toBe('invalid');
  });
});

describe('hidden cells and score', () => {
  it('"all" hides every cell; a list drops cells past the output', () => {
    expect(hiddenCells({ hidden: 'all' }, 4)).toEqual([0, 1, 2, 3]);
    expect(hiddenCells({ hidden: [8, 0, 4, 12] }, 9)).toEqual([0, 4, 8]);
    expect(hiddenCells(undefined, 9)).toEqual([]);
  });

  it('toggling a cell expands "all" first', () => {
    expect(toggleHidden({ hidden: 'all' }, 4, 2)).toEqual({ hidden: [0, 1, 3] });
    expect(toggleHidden({ hidden: [3] }, 4, 1)).toEqual({ hidden: [1, 3] });
  });

  it('x=[3,3] slide output: right, wrong, shown and unanswered are counted apart', () => {
    const output = [3, 0, 1, 0, 2, 0, 1, 0, 3];
    const answers = new Map([
      [0, '3'],
      [1, '1'],
      [4, '2'],
      [8, 'x'],
    ]);
    const score = scoreOf([0, 1, 2, 4, 8], answers, new Set([4]), output);
    expect(score).toEqual({ right: 1, wrong: 2, shown: 1, total: 5 });
  });
});
