import { useT } from '../../i18n/useT.ts';
import '../../i18n/explain-messages.ts';
import { formatValue } from '../../ui/format-value.ts';
import { MiniGrid } from './MiniGrid.tsx';
import { filledThrough } from '../inspect/step.ts';
import type { ShownTensor } from '../inspect/useNodeData.ts';

/** A strip (rank-1 output) wraps into rows of this many cells. */
const STRIP_ROW = 16;
const MAX_SIDE = 16;

export interface OutputProgressProps {
  label: string;
  output: ShownTensor;
  walk: readonly number[];
  index: number;
  /** Exercise cells not yet solved: they show `?` even once reached. */
  unsolved: ReadonlySet<number>;
  onJump(index: number): void;
}

/**
 * The output as the walk fills it: cells up to the current one hold their values, the rest
 * are blank, as the slides write each sum into the output image. Click a cell to go there.
 */
export function OutputProgress(props: OutputProgressProps) {
  const { label, output, walk, index, unsolved, onJump } = props;
  const t = useT();
  const geometry = gridOf(output.shape, index);
  if (!geometry) return null;
  const filled = filledThrough(walk, index, output.data.length);
  const { rows, cols, at } = geometry;
  const cell = (r: number, c: number) => {
    const i = at(r, c);
    if (i < 0) return { text: '', className: 'ex-none' };
    const classes = i === index ? ['ex-current'] : [];
    if (!filled[i])
      return {
        text: '',
        className: [...classes, 'ex-blank'].join(' '),
        label: t('step.notYet', { row: r, col: c }),
      };
    if (unsolved.has(i)) return { text: '?', className: [...classes, 'ex-unsolved'].join(' ') };
    return { text: formatValue(output.data[i]), className: classes.join(' ') };
  };
  return (
    <figure className="ex-figure ex-progress">
      <figcaption>{label}</figcaption>
      <MiniGrid
        label={label}
        rows={rows}
        cols={cols}
        cell={cell}
        className="ex-output"
        chars={widest(output.data)}
        onCellClick={(r, c) => {
          const i = at(r, c);
          if (i >= 0 && walk.includes(i)) onJump(i);
        }}
      />
      <p className="ex-note">{t('step.clickToJump')}</p>
    </figure>
  );
}

/** Rows and columns to draw, and the flat index at each (-1 past a strip's end). */
function gridOf(shape: readonly number[], index: number) {
  if (shape.length === 3) {
    const [h, w, c] = shape;
    if (h > MAX_SIDE || w > MAX_SIDE) return null;
    const channel = index % c;
    return { rows: h, cols: w, at: (r: number, col: number) => (r * w + col) * c + channel };
  }
  const n = shape.reduce((a, b) => a * b, 1);
  if (n > MAX_SIDE * STRIP_ROW) return null;
  const cols = Math.min(n, STRIP_ROW);
  return {
    rows: Math.ceil(n / cols),
    cols,
    at: (r: number, c: number) => (r * cols + c < n ? r * cols + c : -1),
  };
}

/** The longest number of the output as a cell writes it. */
function widest(data: Float32Array): number {
  let chars = 1;
  for (const v of data) chars = Math.max(chars, formatValue(v).length);
  return chars;
}
