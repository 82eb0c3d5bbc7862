import { useEffect } from 'react';
import type { History } from '../state/history.ts';

const NOT_TEXT = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
]);

/**
 * True when the key goes to editable text, whose own undo must win. A select or a checkbox
 * has none: after changing a padding with one, Ctrl+Z still undoes the graph edit.
 */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  return target instanceof HTMLInputElement && !NOT_TEXT.has(target.type);
}

/** Which history step a key press asks for, if any: Ctrl/⌘+Z, Ctrl/⌘+Shift+Z, Ctrl+Y. */
export function historyKey(event: KeyboardEvent): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}

/** Undo and redo from the keyboard, anywhere but in editable text. */
export function useUndoShortcuts(history: History): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const step = historyKey(event);
      if (!step || event.defaultPrevented || isTextEntry(event.target)) return;
      event.preventDefault();
      if (step === 'undo') history.undo();
      else history.redo();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [history]);
}
