import type { NodeProps } from '@xyflow/react';
import { LIMITS } from '../../graph/limits.ts';
import type { NodeOf } from '../../graph/types.ts';
import { NumberField } from '../../ui/fields/NumberField.tsx';
import type { FlowNode } from '../flow-elements.ts';
import { ActivationFields } from './ActivationFields.tsx';
import { NodeFrame } from './NodeFrame.tsx';
import { useParamCommit } from './useParamCommit.ts';

export function DenseNode({ id, data, selected }: NodeProps<FlowNode>) {
  const p = (data.node as NodeOf<'Dense'>).params;
  const commit = useParamCommit(id);
  return (
    <NodeFrame id={id} type="Dense" selected={selected}>
      <NumberField
        name="units"
        value={p.units}
        min={1}
        max={LIMITS.maxUnits}
        onCommit={(units) => commit({ units })}
      />
      <ActivationFields params={p} commit={commit} />
    </NodeFrame>
  );
}
