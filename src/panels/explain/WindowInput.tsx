import type { WindowInfo } from '../../graph/window.ts';
import { formatValue } from '../../ui/format-value.ts';
import { MiniGrid } from './MiniGrid.tsx';
import { inputView } from './view-span.ts';

export interface WindowInputProps {
  label: string;
  input: Float32Array;
  g: WindowInfo;
  channel: number;
  /** The output cell whose window is drawn. */
  row: number;
  col: number;
  /** What a padding cell shows: `0` for a convolution, `–` for pooling, which ignores it. */
  paddingText: string;
  /** The cell a max pooling picks. */
  winner?: { iy: number; ix: number };
}

/**
 * One channel of the input around the window, the padding border drawn as cells of its own
 * and the window outlined, as the slides lay the filter over the input image.
 */
export function WindowInput(props: WindowInputProps) {
  const { label, input, g, channel, row, col, paddingText, winner } = props;
  const view = inputView(g, row, col);
  const top = row * g.sh - g.padTop;
  const left = col * g.sw - g.padLeft;
  const cell = (r: number, c: number) => {
    const iy = view.rows.from + r;
    const ix = view.cols.from + c;
    const inside = iy >= top && iy < top + g.kh && ix >= left && ix < left + g.kw;
    const classes = inside ? ['ex-window'] : [];
    if (iy < 0 || iy >= g.inH || ix < 0 || ix >= g.inW) {
      classes.push('ex-padding');
      return { text: paddingText, className: classes.join(' ') };
    }
    if (winner && winner.iy === iy && winner.ix === ix) classes.push('ex-winner');
    const v = input[(iy * g.inW + ix) * g.inC + channel];
    return { text: formatValue(v), className: classes.join(' ') };
  };
  return (
    <MiniGrid
      label={label}
      rows={view.rows.to - view.rows.from}
      cols={view.cols.to - view.cols.from}
      cell={cell}
      className="ex-input"
      outline={{ row: top - view.rows.from, col: left - view.cols.from, rows: g.kh, cols: g.kw }}
    />
  );
}
