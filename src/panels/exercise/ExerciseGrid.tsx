import type { CSSProperties } from 'react';
import { useT } from '../../i18n/useT.ts';
import { formatValue } from '../format-value.ts';
import { useActiveFocus, useSelectCell } from '../explain/useFocus.ts';
import type { ShownTensor } from '../explain/useNodeData.ts';
import { AnswerField } from './AnswerField.tsx';
import './exercise.css';
import { markAnswer } from './marking.ts';
import { useExercise, type ExerciseState } from './useExercise.ts';

/** Widest output with an answer box in every hidden cell; wider ones are answered in the panel. */
const MAX_INLINE_COLS = 7;
const CHANNELS_SHOWN = 4;
const GRID_WIDTH_PX = 236;

export interface ExerciseGridProps {
  nodeId: string;
  tensor: ShownTensor;
  busy: boolean;
}

/**
 * A node's output as a worksheet: hidden cells take the learner's answers and show whether
 * each is right; the other cells show their values. Replaces the heatmap, which would give
 * the answers away (colours, hover readout).
 */
export function ExerciseGrid({ nodeId, tensor, busy }: ExerciseGridProps) {
  const state = useExercise(nodeId, tensor.data);
  const [h, w, c] = tensor.shape.length === 3 ? tensor.shape : [1, tensor.shape[0], 1];
  const inline = w <= MAX_INLINE_COLS;
  const cellW = Math.max(14, Math.min(40, Math.floor(GRID_WIDTH_PX / w)));
  const style = { ['--xa-cell-w' as string]: `${cellW}px` } as CSSProperties;
  return (
    <div className={busy ? 'xa-sheet xa-busy' : 'xa-sheet'} style={style}>
      {Array.from({ length: Math.min(c, CHANNELS_SHOWN) }, (_, channel) => (
        <SheetChannel
          key={channel}
          {...{ nodeId, tensor, state, channel, inline }}
          rows={h}
          cols={w}
          channels={c}
        />
      ))}
    </div>
  );
}

interface SheetChannelProps {
  nodeId: string;
  tensor: ShownTensor;
  state: ExerciseState;
  channel: number;
  channels: number;
  rows: number;
  cols: number;
  inline: boolean;
}

function SheetChannel(props: SheetChannelProps) {
  const { nodeId, tensor, state, channel, channels, rows, cols, inline } = props;
  const t = useT();
  const focus = useActiveFocus();
  const select = useSelectCell(nodeId);
  const hidden = new Set(state.hidden);
  const label = t('exercise.sheet', { id: nodeId, c: channel });
  const cell = (row: number, col: number) => {
    const index = (row * cols + col) * channels + channel;
    const current = focus?.nodeId === nodeId && focus.index === index;
    const answerLabel = t(channels > 1 ? 'exercise.answerCh' : 'exercise.answer', {
      row,
      col,
      c: channel,
    });
    const mark = markAnswer(state.answers.get(index) ?? '', tensor.data[index]);
    const classes = ['xa-cell', current ? 'xa-current' : '', hidden.has(index) ? `xa-${mark}` : ''];
    let content;
    if (!hidden.has(index)) content = formatValue(tensor.data[index]);
    else if (state.shown.has(index)) {
      classes.push('xa-revealed');
      content = formatValue(tensor.data[index]);
    } else if (inline)
      content = (
        <AnswerField
          compact
          {...{ nodeId, index }}
          expected={tensor.data[index]}
          label={answerLabel}
          onFocus={() => select(index)}
        />
      );
    else content = mark === 'right' ? formatValue(tensor.data[index]) : '?';
    return (
      <div
        role="gridcell"
        key={col}
        className={classes.join(' ')}
        aria-label={typeof content === 'string' && hidden.has(index) ? answerLabel : undefined}
        onClick={() => select(index)}
      >
        {content}
      </div>
    );
  };
  return (
    <figure className="xa-map">
      {channels > 1 && (
        <figcaption className="hm-caption">{t('heatmap.channel', { c: channel })}</figcaption>
      )}
      <div role="grid" aria-label={label} className="xa-grid">
        {Array.from({ length: rows }, (_, row) => (
          <div role="row" key={row} className="xa-row">
            {Array.from({ length: cols }, (_, col) => cell(row, col))}
          </div>
        ))}
      </div>
    </figure>
  );
}
