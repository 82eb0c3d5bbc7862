import type { NodeProps } from '@xyflow/react';
import { LIMITS } from '../../graph/limits.ts';
import type { NodeOf } from '../../graph/types.ts';
import { NumberField } from '../../ui/fields/NumberField.tsx';
import type { FlowNode } from '../flow-elements.ts';
import { useNodeImageDrop } from '../image/useImageDrop.ts';
import { inputShapePatch } from '../../graph/param-patch.ts';
import { InputTools } from './InputTools.tsx';
import { NodeFrame } from './NodeFrame.tsx';
import { useParamCommit } from './useParamCommit.ts';

const AXES = [
  { name: 'H', max: LIMITS.maxSpatial },
  { name: 'W', max: LIMITS.maxSpatial },
  { name: 'C', max: LIMITS.maxChannels },
] as const;

/**
 * The input tensor's size, and ways to fill it: an image (picker or drop on the card), the
 * drawing pad, a sample. Its values show in the heatmap (editing them: issue 5).
 */
export function InputNode({ id, data, selected }: NodeProps<FlowNode>) {
  const { tensor } = (data.node as NodeOf<'Input'>).params;
  const commit = useParamCommit(id);
  const drop = useNodeImageDrop(id);
  return (
    <div className={drop.over ? 'cf-drop-target' : undefined} {...drop.props}>
      <NodeFrame id={id} type="Input" selected={selected}>
        <div className="cf-dims">
          {AXES.map(({ name, max }, axis) => (
            <NumberField
              key={name}
              name={name}
              value={tensor.shape[axis]!}
              min={1}
              max={max}
              onCommit={(v) => commit(inputShapePatch(tensor, axis as 0 | 1 | 2, v))}
            />
          ))}
        </div>
        <InputTools id={id} tensor={tensor} />
      </NodeFrame>
    </div>
  );
}
