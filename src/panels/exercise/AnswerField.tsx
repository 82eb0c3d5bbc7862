import { useCallback, useId, useState, type KeyboardEvent } from 'react';
import type { MessageKey } from '../../i18n/en.ts';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/explain-messages.ts';
import { useInspect, useInspectStore } from '../inspect/useInspect.ts';
import { markAnswer, type Mark } from './marking.ts';

const MARK_TEXT: Record<Mark, MessageKey | null> = {
  empty: null,
  invalid: 'exercise.invalid',
  right: 'exercise.right',
  wrong: 'exercise.wrong',
};

export interface AnswerFieldProps {
  nodeId: string;
  index: number;
  expected: number;
  label: string;
  /** In a grid cell the mark is a colour, read out as the field's description. */
  compact?: boolean;
  onFocus?(): void;
}

/**
 * One answer of a hand-calculation exercise. It is marked when committed (Enter, Tab or
 * leaving the field), not while typing; the mark is also the input's accessible description.
 */
export function AnswerField({
  nodeId,
  index,
  expected,
  label,
  compact,
  onFocus,
}: AnswerFieldProps) {
  const t = useT();
  const store = useInspectStore();
  const markId = useId();
  const committed =
    useInspect(useCallback((s) => s.answers.get(nodeId)?.get(index), [nodeId, index])) ?? '';
  const [draft, setDraft] = useState<string | null>(null);
  const mark = markAnswer(committed, expected);
  const commit = () => {
    if (draft !== null && draft !== committed) store.answer(nodeId, index, draft);
    setDraft(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') setDraft(null);
  };
  const markKey = MARK_TEXT[mark];
  return (
    <span className={`xa-answer xa-${mark}${compact ? ' xa-compact' : ''}`}>
      <input
        className="xa-input nodrag nopan nowheel"
        inputMode="decimal"
        autoComplete="off"
        placeholder="?"
        aria-label={label}
        aria-invalid={mark === 'wrong' || mark === 'invalid' ? true : undefined}
        aria-describedby={markKey ? markId : undefined}
        value={draft ?? committed}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      />
      {markKey && (
        <span id={markId} className={compact ? 'xa-mark cf-visually-hidden' : 'xa-mark'}>
          {t(markKey)}
        </span>
      )}
    </span>
  );
}
