import { flattenSource } from '../../engine/explain/flatten-dropout.ts';
import { useT } from '../../i18n/useT.ts';
import { formatValueLong } from '../format-value.ts';
import { MiniGrid } from './MiniGrid.tsx';
import type { ShownTensor } from './useNodeData.ts';

const MAX_SIDE = 16;
const CHANNELS_SHOWN = 4;

/**
 * The order in which Flatten lays the input out as a vector: row by row, channels innermost.
 * Each input cell shows its place in the vector; the focused element's source is marked.
 */
export function FlattenWork({ input, index }: { input: ShownTensor; index: number }) {
  const t = useT();
  const src = flattenSource(input.shape, index);
  const [h, w, c] = input.shape.length === 3 ? input.shape : [1, input.shape[0], 1];
  const drawn = h <= MAX_SIDE && w <= MAX_SIDE;
  const maps = Array.from({ length: Math.min(c, CHANNELS_SHOWN) }, (_, channel) => {
    const cell = (r: number, col: number) => {
      const order = (r * w + col) * c + channel;
      const current = r === src.row && col === src.col && channel === src.channel;
      return {
        text: String(order),
        className: order <= index ? (current ? 'ex-current ex-taken' : 'ex-taken') : '',
      };
    };
    return (
      <figure className="ex-figure" key={channel}>
        <figcaption>{t('conv.input', { c: channel })}</figcaption>
        <MiniGrid
          label={t('flatten.orderOf', { c: channel })}
          rows={h}
          cols={w}
          cell={cell}
          className="ex-order"
        />
      </figure>
    );
  });
  return (
    <div className="ex-work">
      <p className="ex-line">{t('flatten.order')}</p>
      {drawn && <div className="ex-figures">{maps}</div>}
      <p className="ex-value">
        {t('flatten.source', {
          i: index,
          row: src.row,
          col: src.col,
          c: src.channel,
          value: formatValueLong(input.data[index]),
        })}
      </p>
    </div>
  );
}
