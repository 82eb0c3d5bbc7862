import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../flow-elements.ts';
import { NodeFrame } from './NodeFrame.tsx';

export function FlattenNode({ id, selected }: NodeProps<FlowNode>) {
  return <NodeFrame id={id} type="Flatten" selected={selected} />;
}
