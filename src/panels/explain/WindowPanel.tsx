import { useMemo } from 'react';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/explain-messages.ts';
import { ExerciseAsk } from '../exercise/ExerciseAsk.tsx';
import { ExerciseSetup } from '../exercise/ExerciseSetup.tsx';
import { useExercise } from '../exercise/useExercise.ts';
import { KernelEditor } from './values/KernelEditor.tsx';
import { ConvWork } from './ConvWork.tsx';
import { inputCaption } from './input-caption.ts';
import type { Focus } from '../inspect/inspect-store.ts';
import { PoolWork } from './PoolWork.tsx';
import { walkOf } from '../inspect/step.ts';
import { useSelectCell } from '../inspect/useFocus.ts';
import type { NodeData } from '../inspect/useNodeData.ts';
import { Walkthrough } from './Walkthrough.tsx';

/** The explain view of a Conv2D or MaxPool: the walk, the working, exercises, the filters. */
export function WindowPanel({ data, focus }: { data: NodeData; focus: Focus }) {
  const t = useT();
  const { node, shape, output } = data;
  const channels = shape.shape[2];
  const channel = focus.index % channels;
  const walk = useMemo(() => walkOf(shape, channel), [shape, channel]);
  const exercise = useExercise(node.id, output?.data);
  const outputLabel = t(node.type === 'Conv2D' ? 'conv.output' : 'pool.output', { c: channel });
  return (
    <>
      <Walkthrough
        {...{ walk, focus, output, outputLabel }}
        nodeId={node.id}
        unsolved={exercise.unsolved}
      >
        {(index) => <CellWork data={data} index={index} locked={exercise.unsolved.has(index)} />}
      </Walkthrough>
      {output && <ExerciseSetup nodeId={node.id} output={output} channel={channel} />}
      {node.type === 'Conv2D' && <KernelEditor node={node} inC={shape.window!.inC} />}
    </>
  );
}

/** One output cell: which it is, the exercise prompt while unsolved, and the working. */
function CellWork({ data, index, locked }: { data: NodeData; index: number; locked: boolean }) {
  const t = useT();
  const { node, shape, output, input } = data;
  const g = shape.window!;
  const conv = node.type === 'Conv2D' ? node : null;
  const inputLabel = (c: number) => inputCaption(t, data, c);
  const kind = conv ? 'conv' : 'pool';
  return (
    <>
      <CellHeading
        nodeId={node.id}
        index={index}
        outW={g.outW}
        channels={shape.shape[2]}
        conv={!!conv}
      />
      {locked && output && (
        <ExerciseAsk {...{ index, kind }} nodeId={node.id} output={output.data} />
      )}
      {!input ? (
        <p className="ex-note">{t('node.busy')}</p>
      ) : conv ? (
        <ConvWork {...{ g, index, locked, inputLabel }} node={conv} input={input.data} />
      ) : (
        <PoolWork {...{ g, index, locked, inputLabel }} input={input.data} />
      )}
    </>
  );
}

interface CellHeadingProps {
  nodeId: string;
  index: number;
  outW: number;
  channels: number;
  conv: boolean;
}

/** Which output cell this is, and a picker for the filter (or channel) the walk follows. */
function CellHeading({ nodeId, index, outW, channels, conv }: CellHeadingProps) {
  const t = useT();
  const select = useSelectCell(nodeId);
  const channel = index % channels;
  const pos = Math.floor(index / channels);
  return (
    <div className="ex-cell-heading">
      <h3 className="ex-heading">
        {t('explain.cell', { row: Math.floor(pos / outW), col: pos % outW })}
      </h3>
      {channels > 1 && (
        <label className="ex-picker">
          <span>{t(conv ? 'conv.filterPicker' : 'pool.channelPicker')}</span>
          <select
            value={channel}
            onChange={(e) => select(index - channel + Number(e.target.value))}
          >
            {Array.from({ length: channels }, (_, c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
