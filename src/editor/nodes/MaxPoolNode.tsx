import type { NodeProps } from '@xyflow/react';
import { LIMITS } from '../../graph/limits.ts';
import { PADDINGS } from '../../graph/schema.ts';
import type { NodeOf } from '../../graph/types.ts';
import { PairField } from '../../ui/fields/PairField.tsx';
import { SelectField } from '../../ui/fields/SelectField.tsx';
import type { FlowNode } from '../flow-elements.ts';
import { NodeFrame } from './NodeFrame.tsx';
import { useParamCommit } from './useParamCommit.ts';

export function MaxPoolNode({ id, data, selected }: NodeProps<FlowNode>) {
  const p = (data.node as NodeOf<'MaxPool'>).params;
  const commit = useParamCommit(id);
  return (
    <NodeFrame id={id} type="MaxPool" selected={selected}>
      <PairField
        name="poolSize"
        value={p.poolSize}
        min={1}
        max={LIMITS.maxWindow}
        onCommit={(poolSize) => commit({ poolSize })}
      />
      {/* Strides left out follow poolSize, as in Keras; editing them makes them explicit. */}
      <PairField
        name="strides"
        value={p.strides ?? p.poolSize}
        min={1}
        max={LIMITS.maxStride}
        onCommit={(strides) => commit({ strides })}
      />
      <SelectField
        name="padding"
        value={p.padding}
        options={PADDINGS}
        onCommit={(padding) => commit({ padding })}
      />
    </NodeFrame>
  );
}
