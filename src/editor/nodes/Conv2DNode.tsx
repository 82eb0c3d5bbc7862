import type { NodeProps } from '@xyflow/react';
import { LIMITS } from '../../graph/limits.ts';
import { PADDINGS } from '../../graph/schema.ts';
import type { NodeOf } from '../../graph/types.ts';
import { NumberField } from '../../ui/fields/NumberField.tsx';
import { PairField } from '../../ui/fields/PairField.tsx';
import { SelectField } from '../../ui/fields/SelectField.tsx';
import { FilterPresetSelect } from '../filters/FilterPresetSelect.tsx';
import type { FlowNode } from '../flow-elements.ts';
import { ActivationFields } from './ActivationFields.tsx';
import { NodeFrame } from './NodeFrame.tsx';
import { useParamCommit } from './useParamCommit.ts';

export function Conv2DNode({ id, data, selected }: NodeProps<FlowNode>) {
  const p = (data.node as NodeOf<'Conv2D'>).params;
  const commit = useParamCommit(id);
  return (
    <NodeFrame id={id} type="Conv2D" selected={selected}>
      <NumberField
        name="filters"
        value={p.filters}
        min={1}
        max={LIMITS.maxFilters}
        onCommit={(filters) => commit({ filters })}
      />
      <PairField
        name="kernelSize"
        value={p.kernelSize}
        min={1}
        max={LIMITS.maxWindow}
        onCommit={(kernelSize) => commit({ kernelSize })}
      />
      <FilterPresetSelect node={data.node as NodeOf<'Conv2D'>} />
      <PairField
        name="strides"
        value={p.strides}
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
      <ActivationFields params={p} commit={commit} />
    </NodeFrame>
  );
}
