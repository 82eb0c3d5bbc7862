import { useId, useState } from 'react';
import type { MessageKey } from '../../i18n/en.ts';
import { useT } from '../../i18n/useT.ts';
import { IMAGE_LIMITS } from './image-limits.ts';
import type { ImageTensorOptions } from './image-tensor.ts';

export interface ImageOptionsFormProps {
  options: ImageTensorOptions;
  /** A side being typed that is not a valid number arrives as NaN. */
  onChange(options: ImageTensorOptions): void;
}

const MAX = IMAGE_LIMITS.maxTargetSide;

/** The image dialog's choices: H×W, grayscale or RGB, [0,1] or 0–255, crop or stretch, invert. */
export function ImageOptionsForm({ options, onChange }: ImageOptionsFormProps) {
  const t = useT();
  const set = (patch: Partial<ImageTensorOptions>) => onChange({ ...options, ...patch });
  return (
    <div className="cf-image-options">
      <SizeInputs height={options.height} width={options.width} onChange={set} />
      <Choice
        legend="image.colors"
        value={options.mode}
        onChange={(mode) => set({ mode })}
        choices={[
          ['gray', 'image.gray'],
          ['rgb', 'image.rgb'],
        ]}
      />
      <Choice
        legend="image.range"
        value={options.range}
        onChange={(range) => set({ range })}
        choices={[
          ['unit', 'image.rangeUnit'],
          ['byte', 'image.rangeByte'],
        ]}
      />
      <Choice
        legend="image.fit"
        value={options.fit}
        onChange={(fit) => set({ fit })}
        choices={[
          ['crop', 'image.fitCrop'],
          ['stretch', 'image.fitStretch'],
        ]}
      />
      <label className="cf-check">
        <input
          type="checkbox"
          checked={options.invert}
          onChange={(e) => set({ invert: e.target.checked })}
        />
        {t('image.invert')}
      </label>
    </div>
  );
}

interface SizeInputsProps {
  height: number;
  width: number;
  onChange(size: { height: number } | { width: number }): void;
}

/** H × W of the tensor, with the allowed range and, when one is off, why. */
function SizeInputs({ height, width, onChange }: SizeInputsProps) {
  const t = useT();
  const errorId = useId();
  const bad = ![height, width].every((n) => Number.isInteger(n) && n >= 1 && n <= MAX);
  const error = bad ? errorId : undefined;
  return (
    <>
      <div className="cf-image-size">
        <SideInput
          label="image.height"
          value={height}
          errorId={error}
          onChange={(v) => onChange({ height: v })}
        />
        <span aria-hidden="true">×</span>
        <SideInput
          label="image.width"
          value={width}
          errorId={error}
          onChange={(v) => onChange({ width: v })}
        />
        <span className="cf-image-hint">{t('image.sizeHint', { max: MAX })}</span>
      </div>
      {bad && (
        <p id={errorId} className="cf-field-error">
          {t('image.badSize', { max: MAX })}
        </p>
      )}
    </>
  );
}

interface SideInputProps {
  label: MessageKey;
  value: number;
  /** The error's element id, while the size is refused. */
  errorId: string | undefined;
  onChange(value: number): void;
}

function SideInput({ label, value, errorId, onChange }: SideInputProps) {
  const t = useT();
  // The text as typed, so clearing the field to type a new number does not snap back.
  const [text, setText] = useState(String(value));
  return (
    <label className="cf-image-side">
      <span>{t(label)}</span>
      <input
        className="cf-input"
        type="number"
        min={1}
        max={MAX}
        value={text}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value.trim() === '' ? Number.NaN : Number(e.target.value));
        }}
      />
    </label>
  );
}

interface ChoiceProps<T extends string> {
  legend: MessageKey;
  value: T;
  choices: readonly (readonly [T, MessageKey])[];
  onChange(value: T): void;
}

/** Radio buttons in a row, named by their legend. */
function Choice<T extends string>({ legend, value, choices, onChange }: ChoiceProps<T>) {
  const t = useT();
  const name = useId();
  return (
    <fieldset className="cf-image-choice">
      <legend>{t(legend)}</legend>
      {choices.map(([v, key]) => (
        <label key={v}>
          <input
            type="radio"
            name={name}
            value={v}
            checked={value === v}
            onChange={() => onChange(v)}
          />
          {t(key)}
        </label>
      ))}
    </fieldset>
  );
}
