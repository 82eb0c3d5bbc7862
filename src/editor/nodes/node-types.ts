import type { NodeTypes } from '@xyflow/react';
import { Conv2DNode } from './Conv2DNode.tsx';
import { DenseNode } from './DenseNode.tsx';
import { DropoutNode } from './DropoutNode.tsx';
import { FlattenNode } from './FlattenNode.tsx';
import { InputNode } from './InputNode.tsx';
import { MaxPoolNode } from './MaxPoolNode.tsx';

/** One component per layer type, keyed by the document's `type`. */
export const NODE_COMPONENTS = {
  Input: InputNode,
  Conv2D: Conv2DNode,
  MaxPool: MaxPoolNode,
  Flatten: FlattenNode,
  Dense: DenseNode,
  Dropout: DropoutNode,
} satisfies NodeTypes;
