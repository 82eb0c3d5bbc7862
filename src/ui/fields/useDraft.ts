import { useState } from 'react';

interface Draft {
  text: string;
  /** The committed value the draft was typed against; a newer value from elsewhere wins. */
  base: string;
  error: string | null;
}

/**
 * What a text-like field shows: the user's own text (and its refusal) while it still belongs
 * to the current value, otherwise the value itself (after undo, a preset load…).
 */
export function useDraft(value: string) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const current = draft && draft.base === value ? draft : null;
  return {
    text: current ? current.text : value,
    error: current?.error ?? null,
    /** Record typed text: the value it produced (if accepted) or the reason it was refused. */
    typed(text: string, accepted: string | null, error: string | null) {
      setDraft({ text, base: accepted ?? value, error });
    },
  };
}
