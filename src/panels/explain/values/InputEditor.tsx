import type { NodeOf, TensorValue } from '../../../graph/types.ts';
import { useT } from '../../../i18n/useT.ts';
import '../../../i18n/explain-messages.ts';
import type { PaintMode } from '../../inspect/inspect-store.ts';
import { useInspect } from '../../inspect/useInspect.ts';
import { useEditCommit } from '../../../ui/fields/useEditCommit.ts';
import { cellsEdit, inputIndex, type CellChange } from './value-edit.ts';
import { PaintControls } from './PaintControls.tsx';
import { ValueGrid } from './ValueGrid.tsx';

/** Largest side edited cell by cell; larger inputs are drawn or loaded as images. */
const MAX_SIDE = 16;
const CHANNELS_SHOWN = 4;

/**
 * The Input's values, one grid per channel: type into a cell (Tab to the next), or switch
 * on paint mode and drag. Every commit is one `setCells` carrying only the changed cells; only what lies downstream of the
 * input is recomputed. H, W and C are set on the node itself.
 */
export function InputEditor({ node }: { node: NodeOf<'Input'> }) {
  const t = useT();
  const commit = useEditCommit();
  const paint = useInspect((s) => s.paint);
  const request = useInspect((s) => s.editRequest);
  const { tensor } = node.params;
  const [h, w, c] = tensor.shape;
  const focus = request?.nodeId === node.id ? request : null;
  const apply = (changes: CellChange[]): string | null =>
    commit(cellsEdit(node.id, 'tensor', tensor, changes));
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
            {Array.from({ length: Math.min(c, CHANNELS_SHOWN) }, (_, channel) => (
              <ChannelEditor
                key={channel}
                {...{ tensor, channel, paint, apply }}
                focus={focus && focus.index % c === channel ? focus : null}
              />
            ))}
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

interface ChannelEditorProps {
  tensor: TensorValue;
  channel: number;
  paint: PaintMode;
  apply(changes: CellChange[]): string | null;
  /** The cell a click on the canvas asked for. */
  focus: { index: number; seq: number } | null;
}

/** One channel of the input as a grid of fields, or of paintable cells in paint mode. */
function ChannelEditor({ tensor, channel, paint, apply, focus }: ChannelEditorProps) {
  const t = useT();
  const [h, w, c] = tensor.shape;
  const pos = focus ? Math.floor(focus.index / c) : 0;
  const focusCell = focus ? { row: Math.floor(pos / w), col: pos % w, seq: focus.seq } : null;
  const at = (row: number, col: number) => inputIndex(tensor.shape, row, col, channel);
  const onStroke = (cells: { row: number; col: number }[]) =>
    apply(cells.map((p) => ({ index: at(p.row, p.col), value: paint.value })));
  return (
    <figure className="ex-figure">
      <figcaption>{t('conv.input', { c: channel })}</figcaption>
      <ValueGrid
        label={t('values.grid', { c: channel })}
        rows={h}
        cols={w}
        value={(row, col) => tensor.data[at(row, col)]}
        cellLabel={(row, col) => t('values.cell', { row, col, c: channel })}
        onCommit={(row, col, value) => apply([{ index: at(row, col), value }])}
        paint={paint.on ? { value: paint.value, onStroke } : null}
        focusCell={focusCell}
      />
    </figure>
  );
}
