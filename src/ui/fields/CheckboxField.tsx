import { useId, useState } from 'react';

export interface CheckboxFieldProps {
  name: string;
  checked: boolean;
  onCommit(checked: boolean): string | null;
}

/** A checkbox named by its parameter (useBias, training); commits on change. */
export function CheckboxField({ name, checked, onCommit }: CheckboxFieldProps) {
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="cf-field">
      <label className="cf-check">
        <input
          className="nodrag"
          type="checkbox"
          checked={checked}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setError(onCommit(e.target.checked))}
        />
        <span className="cf-field-name">{name}</span>
      </label>
      {error && (
        <span id={errorId} className="cf-field-error">
          {error}
        </span>
      )}
    </span>
  );
}
