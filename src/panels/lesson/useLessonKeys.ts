import { useEffect } from 'react';
import { isTyping } from '../../ui/is-typing.ts';

/**
 * ← and → (and Page Up / Page Down, which presentation clickers send) go to the previous and
 * next step, unless a field, a map's grid or a node has the keyboard: there they keep their
 * own meaning (moving the caret, the cell, the node).
 */
export function useLessonKeys(previous: () => void, next: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('[role="grid"], [role="slider"], .react-flow__node, dialog')) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') next();
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') previous();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [previous, next]);
}
