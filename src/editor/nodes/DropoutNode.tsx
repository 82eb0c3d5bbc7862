import type { NodeProps } from '@xyflow/react';
import { LIMITS } from '../../graph/limits.ts';
import type { NodeOf } from '../../graph/types.ts';
import { CheckboxField } from '../../ui/fields/CheckboxField.tsx';
import { NumberField } from '../../ui/fields/NumberField.tsx';
import type { FlowNode } from '../flow-elements.ts';
import { NodeFrame } from './NodeFrame.tsx';
import { useParamCommit } from './useParamCommit.ts';

export function DropoutNode({ id, data, selected }: NodeProps<FlowNode>) {
  const p = (data.node as NodeOf<'Dropout'>).params;
  const commit = useParamCommit(id);
  return (
    <NodeFrame id={id} type="Dropout" selected={selected}>
      <NumberField
        name="rate"
        value={p.rate}
        min={0}
        max={0.99}
        step={0.05}
        onCommit={(rate) => commit({ rate })}
      />
      <CheckboxField
        name="training"
        checked={p.training}
        onCommit={(training) => commit({ training })}
      />
      <NumberField
        name="seed"
        value={p.seed}
        min={0}
        max={LIMITS.maxSeed}
        onCommit={(seed) => commit({ seed })}
      />
    </NodeFrame>
  );
}
