import { NumberField } from './NumberField.tsx';

export interface PairFieldProps {
  /** The group's accessible name; its inputs are "`name` height" and "`name` width". */
  name: string;
  value: readonly [number, number];
  min?: number;
  max?: number;
  onCommit(value: [number, number]): string | null;
}

/** Two numbers, height × width, labelled as a group (kernelSize, strides, poolSize). */
export function PairField({ name, value, min, max, onCommit }: PairFieldProps) {
  const [h, w] = value;
  return (
    <div className="cf-pair" role="group" aria-label={name}>
      <span className="cf-field-name" aria-hidden="true">
        {name}
      </span>
      <span className="cf-pair-inputs">
        <NumberField
          name={`${name} height`}
          caption="h"
          value={h}
          min={min}
          max={max}
          onCommit={(v) => onCommit([v, w])}
        />
        <span className="cf-pair-x" aria-hidden="true">
          ×
        </span>
        <NumberField
          name={`${name} width`}
          caption="w"
          value={w}
          min={min}
          max={max}
          onCommit={(v) => onCommit([h, v])}
        />
      </span>
    </div>
  );
}
