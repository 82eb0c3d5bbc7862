import type { NodeOf } from '../../graph/types.ts';
import { useT } from '../../i18n/useT.ts';
import { useInspect, useInspectStore } from '../../panels/explain/useInspect.ts';
import { NumberField } from '../fields/NumberField.tsx';
import { useParamCommit } from '../nodes/useParamCommit.ts';
import { inputIndex, withCells, type CellChange } from './value-edit.ts';
import { ValueGrid } from './ValueGrid.tsx';

/** Largest side edited cell by cell; larger inputs are drawn or loaded as images. */
const MAX_SIDE = 16;
const CHANNELS_SHOWN = 4;
const PAINT_VALUES = [1, 0];

/**
 * The Input's values, one grid per channel: type into a cell (Tab to the next), or switch
 * on paint mode and drag. Every commit is one `setParams`; only what lies downstream of the
 * input is recomputed. H, W and C are set on the node itself.
 */
export function InputEditor({ node }: { node: NodeOf<'Input'> }) {
  const t = useT();
  const commit = useParamCommit(node.id);
  const paint = useInspect((s) => s.paint);
  const { tensor } = node.params;
  const [h, w, c] = tensor.shape;
  const apply = (changes: CellChange[]): string | null => {
    const next = withCells(tensor, changes);
    return next === tensor ? null : commit({ tensor: next });
  };
  const grid = (channel: number) => (
    <figure className="ex-figure" key={channel}>
      <figcaption>{t('conv.input', { c: channel })}</figcaption>
      <ValueGrid
        label={t('values.grid', { c: channel })}
        rows={h}
        cols={w}
        value={(row, col) => tensor.data[inputIndex(tensor.shape, row, col, channel)]}
        cellLabel={(row, col) => t('values.cell', { row, col, c: channel })}
        onCommit={(row, col, value) =>
          apply([{ index: inputIndex(tensor.shape, row, col, channel), value }])
        }
        paint={
          paint.on
            ? {
                value: paint.value,
                onStroke: (cells) => {
                  const at = (p: { row: number; col: number }) =>
                    inputIndex(tensor.shape, p.row, p.col, channel);
                  apply(cells.map((p) => ({ index: at(p), value: paint.value })));
                },
              }
            : null
        }
      />
    </figure>
  );
  return (
    <section className="ex-section" aria-label={t('values.title')}>
      <h3 className="ex-heading">{t('values.title')}</h3>
      {h > MAX_SIDE || w > MAX_SIDE ? (
        <p className="ex-note">{t('values.tooLarge', { h, w, max: MAX_SIDE })}</p>
      ) : (
        <>
          <PaintControls />
          <p className="ex-note">{t(paint.on ? 'values.paintHint' : 'values.typeHint')}</p>
          <div className="ex-figures">
            {Array.from({ length: Math.min(c, CHANNELS_SHOWN) }, (_, ch) => grid(ch))}
          </div>
          {c > CHANNELS_SHOWN && (
            <p className="ex-note">{t('values.moreChannels', { shown: CHANNELS_SHOWN, c })}</p>
          )}
        </>
      )}
      <p className="ex-note">{t('values.resizeHint')}</p>
    </section>
  );
}

/** Paint mode on or off, and the value a stroke sets (0, 1 or any number). */
function PaintControls() {
  const t = useT();
  const store = useInspectStore();
  const paint = useInspect((s) => s.paint);
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
          <NumberField
            name={t('values.paintValue')}
            value={paint.value}
            onCommit={(v) => {
              if (!Number.isFinite(v)) return t('values.invalid');
              store.setPaint({ on: true, value: v });
              return null;
            }}
          />
        </>
      )}
    </div>
  );
}
