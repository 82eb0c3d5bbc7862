import { useEffect, useState } from 'react';
import { isTyping } from '../editor/useAddShortcut.ts';

/** The help panel's open state; `?` toggles it and Escape closes it. */
export function useHelpToggle() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (isTyping(event.target)) return;
      if (event.key === '?') setOpen((o) => !o);
      else if (event.key === 'Escape') setOpen(false);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return [open, setOpen] as const;
}
