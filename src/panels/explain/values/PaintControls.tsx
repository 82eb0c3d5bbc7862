import { useT } from '../../../i18n/useT.ts';
import '../../../i18n/explain-messages.ts';
import { useInspect, useInspectStore } from '../../inspect/useInspect.ts';
import { NumberField } from '../../../ui/fields/NumberField.tsx';

/** Values offered as one-click paints; any other is typed. */
const PAINT_VALUES = [1, 0];

/** Paint mode on or off, and the value a stroke sets (0, 1 or any number). */
export function PaintControls() {
  const t = useT();
  const store = useInspectStore();
  const paint = useInspect((s) => s.paint);
  const setValue = (v: number) => {
    if (!Number.isFinite(v)) return t('values.invalid');
    store.setPaint({ on: true, value: v });
    return null;
  };
  return (
    <div className="vg-paint-controls">
      <button
        type="button"
        className="cf-button"
        aria-pressed={paint.on}
        onClick={() => store.setPaint({ ...paint, on: !paint.on })}
      >
        {t('values.paint')}
      </button>
      {paint.on && (
        <>
          {PAINT_VALUES.map((v) => (
            <button
              key={v}
              type="button"
              className="cf-button vg-swatch"
              aria-pressed={paint.value === v}
              onClick={() => store.setPaint({ on: true, value: v })}
            >
              {t('values.paintWith', { v })}
            </button>
          ))}
          <NumberField name={t('values.paintValue')} value={paint.value} onCommit={setValue} />
        </>
      )}
    </div>
  );
}
