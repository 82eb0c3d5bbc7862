import type { NodeProps } from '@xyflow/react';
import { LIMITS } from '../../graph/limits.ts';
import type { NodeOf } from '../../graph/types.ts';
import { CheckboxField } from '../fields/CheckboxField.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { SelectField } from '../fields/SelectField.tsx';
import type { FlowNode } from '../flow-elements.ts';
import { NodeFrame } from './NodeFrame.tsx';
import { ACTIVATIONS } from './options.ts';
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
      <SelectField
        name="activation"
        value={p.activation}
        options={ACTIVATIONS}
        onCommit={(activation) => commit({ activation })}
      />
      <CheckboxField
        name="useBias"
        checked={p.useBias}
        onCommit={(useBias) => commit({ useBias })}
      />
    </NodeFrame>
  );
}
