import { useId, useState } from 'react';

export interface SelectFieldProps<T extends string> {
  name: string;
  value: T;
  options: readonly T[];
  onCommit(value: T): string | null;
}

/** A native select named by its parameter; commits on change. */
export function SelectField<T extends string>({
  name,
  value,
  options,
  onCommit,
}: SelectFieldProps<T>) {
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="cf-field">
      <label className="cf-field-label">
        <span className="cf-field-name">{name}</span>
        <select
          className="cf-input nodrag nowheel"
          value={value}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setError(onCommit(e.target.value as T))}
        >
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <span id={errorId} className="cf-field-error">
          {error}
        </span>
      )}
    </span>
  );
}
