// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { historyKey, isTextEntry } from '../../../src/app/useUndoShortcuts.ts';

function key(init: KeyboardEventInit): KeyboardEvent {
  return new KeyboardEvent('keydown', init);
}

describe('historyKey', () => {
  it.each([
    [{ key: 'z', ctrlKey: true }, 'undo'],
    [{ key: 'z', metaKey: true }, 'undo'],
    [{ key: 'Z', ctrlKey: true, shiftKey: true }, 'redo'],
    [{ key: 'z', metaKey: true, shiftKey: true }, 'redo'],
    [{ key: 'y', ctrlKey: true }, 'redo'],
    [{ key: 'z' }, null],
    [{ key: 'z', ctrlKey: true, altKey: true }, null],
    [{ key: 'a', ctrlKey: true }, null],
  ])('%o → %s', (init, step) => {
    expect(historyKey(key(init))).toBe(step);
  });
});

describe('isTextEntry', () => {
  const input = (type: string) => Object.assign(document.createElement('input'), { type });

  it('is true in text and number inputs and text areas, whose own undo wins', () => {
    expect(isTextEntry(input('text'))).toBe(true);
    expect(isTextEntry(input('number'))).toBe(true);
    expect(isTextEntry(document.createElement('textarea'))).toBe(true);
  });

  it('is false on a select, a checkbox, a button and the page', () => {
    expect(isTextEntry(document.createElement('select'))).toBe(false);
    expect(isTextEntry(input('checkbox'))).toBe(false);
    expect(isTextEntry(document.createElement('button'))).toBe(false);
    expect(isTextEntry(document.body)).toBe(false);
  });
});
