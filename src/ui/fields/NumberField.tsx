import { useId } from 'react';
import { useDraft } from './useDraft.ts';

export interface NumberFieldProps {
  /** The accessible name: the parameter's name. */
  name: string;
  /** Visible text, when shorter than the name (a pair's `h` and `w`). */
  caption?: string;
  value: number;
  min?: number;
  max?: number;
  step?: number;
  /** Commit a typed value; returns the reason when it is refused. */
  onCommit(value: number): string | null;
}

/** A number input that commits on every change; a refused value stays visible with why. */
export function NumberField({ name, caption, value, min, max, step, onCommit }: NumberFieldProps) {
  const errorId = useId();
  const draft = useDraft(String(value));
  return (
    <span className="cf-field">
      <label className="cf-field-label">
        {caption === undefined ? (
          <span className="cf-field-name">{name}</span>
        ) : (
          <span className="cf-field-name" aria-hidden="true">
            {caption}
          </span>
        )}
        <input
          className="cf-input nodrag nowheel"
          type="number"
          aria-label={caption === undefined ? undefined : name}
          aria-invalid={draft.error ? true : undefined}
          aria-describedby={draft.error ? errorId : undefined}
          value={draft.text}
          min={min}
          max={max}
          step={step}
          onChange={(e) => {
            const text = e.target.value;
            const number = text.trim() === '' ? Number.NaN : Number(text);
            const error = onCommit(number);
            draft.typed(text, error ? null : String(number), error);
          }}
        />
      </label>
      {draft.error && (
        <span id={errorId} className="cf-field-error">
          {draft.error}
        </span>
      )}
    </span>
  );
}
