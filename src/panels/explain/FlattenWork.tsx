import { flattenSource } from '../../engine/explain/flatten-dropout.ts';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/explain-messages.ts';
import { formatValueLong } from '../../ui/format-value.ts';
import { MiniGrid } from './MiniGrid.tsx';
import type { ShownTensor } from '../inspect/useNodeData.ts';

const MAX_SIDE = 16;
const CHANNELS_SHOWN = 4;

/**
 * The order in which Flatten lays the input out as a vector: row by row, channels innermost.
 * Each input cell shows its place in the vector; those taken so far are shaded.
 */
export interface FlattenWorkProps {
  input: ShownTensor;
  index: number;
  /** Caption of input channel c. */
  caption(c: number): string;
}

export function FlattenWork({ input, index, caption }: FlattenWorkProps) {
  const t = useT();
  const src = flattenSource(input.shape, index);
  const [h, w, c] = input.shape.length === 3 ? input.shape : [1, input.shape[0], 1];
  return (
    <div className="ex-work">
      <p className="ex-line">{t('flatten.order')}</p>
      {h <= MAX_SIDE && w <= MAX_SIDE && (
        <div className="ex-figures">
          {Array.from({ length: Math.min(c, CHANNELS_SHOWN) }, (_, channel) => (
            <OrderMap key={channel} {...{ h, w, c, channel, index }} caption={caption(channel)} />
          ))}
        </div>
      )}
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

interface OrderMapProps {
  h: number;
  w: number;
  c: number;
  channel: number;
  /** The element the walk stands on. */
  index: number;
  caption: string;
}

/** One channel of the input, each cell numbered by its place in the output vector. */
function OrderMap({ h, w, c, channel, index, caption }: OrderMapProps) {
  const t = useT();
  const cell = (r: number, col: number) => {
    const order = (r * w + col) * c + channel;
    const classes = order <= index ? ['ex-taken'] : [];
    if (order === index) classes.push('ex-current');
    return { text: String(order), className: classes.join(' ') };
  };
  return (
    <figure className="ex-figure">
      <figcaption>{caption}</figcaption>
      <MiniGrid
        label={t('flatten.orderOf', { c: channel })}
        rows={h}
        cols={w}
        cell={cell}
        className="ex-order"
      />
    </figure>
  );
}
