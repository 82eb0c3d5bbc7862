import type { CSSProperties } from 'react';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/explain-messages.ts';
import { formatValue } from '../../ui/format-value.ts';
import { useActiveFocus, useSelectCell } from '../inspect/useFocus.ts';
import type { ShownTensor } from '../inspect/useNodeData.ts';
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
  const { nodeId, channel, channels, rows, cols } = props;
  const t = useT();
  return (
    <figure className="xa-map">
      {channels > 1 && (
        <figcaption className="hm-caption">{t('heatmap.channel', { c: channel })}</figcaption>
      )}
      <div
        role="grid"
        aria-label={t('exercise.sheet', { id: nodeId, c: channel })}
        className="xa-grid"
      >
        {Array.from({ length: rows }, (_, row) => (
          <div role="row" key={row} className="xa-row">
            {Array.from({ length: cols }, (_, col) => (
              <SheetCell key={col} {...props} index={(row * cols + col) * channels + channel} />
            ))}
          </div>
        ))}
      </div>
    </figure>
  );
}

/**
 * One cell of the worksheet: a shown value, an answer box (marked by colour), a solution
 * opened with "show me", or `?` where the output is too wide for boxes.
 */
function SheetCell(props: SheetChannelProps & { index: number }) {
  const { nodeId, tensor, state, channel, channels, cols, inline, index } = props;
  const t = useT();
  const focus = useActiveFocus();
  const select = useSelectCell(nodeId);
  const value = tensor.data[index];
  const hidden = state.hidden.includes(index);
  const pos = Math.floor(index / channels);
  const where = { row: Math.floor(pos / cols), col: pos % cols, c: channel };
  const label = t(channels > 1 ? 'exercise.answerCh' : 'exercise.answer', where);
  const mark = markAnswer(state.answers.get(index) ?? '', value);
  const classes = ['xa-cell'];
  if (focus?.nodeId === nodeId && focus.index === index) classes.push('xa-current');
  if (hidden) classes.push(state.shown.has(index) ? 'xa-revealed' : `xa-${mark}`);
  const asked = hidden && !state.shown.has(index);
  const field = asked && inline;
  return (
    <div
      role="gridcell"
      className={classes.join(' ')}
      aria-label={asked && !inline ? label : undefined}
      onClick={() => select(index)}
    >
      {field ? (
        <AnswerField
          compact
          {...{ nodeId, index, label }}
          expected={value}
          onFocus={() => select(index)}
        />
      ) : asked && mark !== 'right' ? (
        '?'
      ) : (
        formatValue(value)
      )}
    </div>
  );
}
