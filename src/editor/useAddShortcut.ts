import { useEffect, useState } from 'react';
import type { NodeType } from '../graph/types.ts';
import { isTyping } from '../ui/is-typing.ts';
import { PALETTE_TYPES } from './new-node.ts';

/** True when a key press belongs to a form control or editable text, not to the canvas. */
export { isTyping };

/** How long `A` waits for its digit. */
const ARMED_MS = 2000;

/**
 * `A` then a digit 1–6 adds the palette's n-th node type. Returns whether `A` is waiting
 * for its digit, so the palette can show the numbers.
 */
export function useAddShortcut(add: (type: NodeType) => void): boolean {
  const [armed, setArmed] = useState(false);

  useEffect(() => {
    if (!armed) return;
    const timer = setTimeout(() => setArmed(false), ARMED_MS);
    return () => clearTimeout(timer);
  }, [armed]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === 'a' || event.key === 'A') {
        setArmed(true);
        return;
      }
      if (!armed) return;
      const type = PALETTE_TYPES[Number(event.key) - 1];
      setArmed(false);
      if (type) {
        event.preventDefault();
        add(type);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [armed, add]);

  return armed;
}
