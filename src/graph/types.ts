import type * as z from 'zod/mini';
import type {
  conv2dParamsSchema,
  denseParamsSchema,
  dropoutParamsSchema,
  edgeSchema,
  exerciseSchema,
  flattenParamsSchema,
  graphSchema,
  initializerSchema,
  inputParamsSchema,
  maxPoolParamsSchema,
  nodeSchema,
  tensorSchema,
  weightSchema,
} from './schema.ts';
import type { inlineDataSchema, optimizerSchema, trainingSchema } from './training-schema.ts';

/** A tensor as the document stores it: flat, row-major, channels last. */
export type TensorValue = z.output<typeof tensorSchema>;
export type Initializer = z.output<typeof initializerSchema>;
export type WeightSpec = z.output<typeof weightSchema>;
/** Which output cells of a Conv2D or MaxPool a learner computes by hand. */
export type Exercise = z.output<typeof exerciseSchema>;

export type InputParams = z.output<typeof inputParamsSchema>;
export type Conv2DParams = z.output<typeof conv2dParamsSchema>;
export type MaxPoolParams = z.output<typeof maxPoolParamsSchema>;
export type FlattenParams = z.output<typeof flattenParamsSchema>;
export type DenseParams = z.output<typeof denseParamsSchema>;
export type DropoutParams = z.output<typeof dropoutParamsSchema>;
/** What a Conv2D or Dense applies to its sums: one of the schema's `ACTIVATIONS`. */
export type Activation = Conv2DParams['activation'];
/** How a sliding window meets the border: one of the schema's `PADDINGS`. */
export type Padding = Conv2DParams['padding'];

/** A node with every default filled in: what the engine and the UI work with. */
export type GraphNode = z.output<typeof nodeSchema>;
export type NodeType = GraphNode['type'];
export type NodeOf<T extends NodeType> = Extract<GraphNode, { type: T }>;
export type ParamsOf<T extends NodeType> = NodeOf<T>['params'];
export type GraphEdge = z.output<typeof edgeSchema>;
/** A parsed graph document, format v1. */
export type GraphDocument = z.output<typeof graphSchema>;
/** A graph document as written, defaults optional. */
export type GraphDocumentInput = z.input<typeof graphSchema>;
export type GraphMeta = NonNullable<GraphDocument['meta']>;
export type Position = GraphNode['position'];
/** How a document's network is trained (format v1, optional), every default filled in. */
export type TrainingSpec = z.output<typeof trainingSchema>;
export type InlineData = z.output<typeof inlineDataSchema>;
export type OptimizerSpec = z.output<typeof optimizerSchema>;
export type LossName = TrainingSpec['loss'];

export function isInitializer(w: WeightSpec): w is Initializer {
  return 'init' in w;
}
