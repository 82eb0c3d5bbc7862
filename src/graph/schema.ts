import * as z from 'zod/mini';
import { LIMITS } from './limits.ts';
import { checkGraphStructure } from './structure.ts';
import { checkNodeWeights } from './weight-shapes.ts';
import { trainingSchema } from './training-schema.ts';
import { bool, intIn, nodeId, shape, tensorWith } from './schema-parts.ts';

const intPair = (min: number, max: number) => {
  const message = `expected two integers from ${min} to ${max}`;
  return z.custom<[number, number]>(
    (v) =>
      Array.isArray(v) &&
      v.length === 2 &&
      v.every((n) => Number.isInteger(n) && n >= min && n <= max),
    { error: message },
  );
};

/** `{shape, data}`: flat, row-major, channels last. */
export const tensorSchema = tensorWith(shape);

export const initializerSchema = z.strictObject({
  init: z.enum(['glorotUniform', 'heUniform', 'zeros', 'ones'], {
    error: 'expected one of "glorotUniform", "heUniform", "zeros", "ones"',
  }),
  seed: z._default(intIn(0, LIMITS.maxSeed, `an integer from 0 to ${LIMITS.maxSeed}`), 0),
});

/** A weight: explicit values, or a seeded initializer resolved the same way everywhere. */
export const weightSchema = z.union([tensorSchema, initializerSchema], {
  error: 'expected a tensor {shape, data} or an initializer {init, seed}',
});

/** The activations a Conv2D or Dense may apply, in the order the controls list them. */
export const ACTIVATIONS = ['linear', 'relu', 'sigmoid', 'tanh', 'softmax'] as const;
/** TensorFlow's paddings of a sliding window, in the order the controls list them. */
export const PADDINGS = ['valid', 'same'] as const;

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`);
const activation = z.enum(ACTIVATIONS, {
  error: `expected one of ${quoted(ACTIVATIONS).join(', ')}`,
});
const padding = z.enum(PADDINGS, { error: `expected ${quoted(PADDINGS).join(' or ')}` });

const inputShape = z.custom<[number, number, number]>(
  (v) =>
    Array.isArray(v) &&
    v.length === 3 &&
    v.every(
      (n, i) =>
        Number.isInteger(n) && n >= 1 && n <= (i < 2 ? LIMITS.maxSpatial : LIMITS.maxChannels),
    ),
  {
    error: `expected [H, W, C]: H and W from 1 to ${LIMITS.maxSpatial}, C from 1 to ${LIMITS.maxChannels}`,
  },
);

const position = z._default(
  z.strictObject({
    x: z.number({ error: 'expected a finite number' }),
    y: z.number({ error: 'expected a finite number' }),
  }),
  { x: 0, y: 0 },
);

const base = {
  id: nodeId,
  position,
  label: z.optional(
    z.string().check(z.maxLength(200, { error: 'expected at most 200 characters' })),
  ),
};

export const inputParamsSchema = z.strictObject({
  tensor: tensorWith(inputShape),
});
export const conv2dParamsSchema = z.strictObject({
  filters: intIn(1, LIMITS.maxFilters, `an integer from 1 to ${LIMITS.maxFilters}`),
  kernelSize: intPair(1, LIMITS.maxWindow),
  strides: z._default(intPair(1, LIMITS.maxStride), [1, 1]),
  padding: z._default(padding, 'valid'),
  activation: z._default(activation, 'linear'),
  useBias: z._default(bool, true),
  kernel: z._default(weightSchema, { init: 'glorotUniform', seed: 0 }),
  bias: z._default(weightSchema, { init: 'zeros', seed: 0 }),
});
export const maxPoolParamsSchema = z.strictObject({
  poolSize: z._default(intPair(1, LIMITS.maxWindow), [2, 2]),
  /** Omitted: equal to poolSize, as in Keras. */
  strides: z.optional(intPair(1, LIMITS.maxStride)),
  padding: z._default(padding, 'valid'),
});
export const flattenParamsSchema = z.strictObject({});
export const denseParamsSchema = z.strictObject({
  units: intIn(1, LIMITS.maxUnits, `an integer from 1 to ${LIMITS.maxUnits}`),
  activation: z._default(activation, 'linear'),
  useBias: z._default(bool, true),
  kernel: z._default(weightSchema, { init: 'glorotUniform', seed: 0 }),
  bias: z._default(weightSchema, { init: 'zeros', seed: 0 }),
});
export const dropoutParamsSchema = z.strictObject({
  rate: z
    .number({ error: 'expected a number from 0 up to (not including) 1' })
    .check(
      z.minimum(0, { error: 'expected a number from 0 up to (not including) 1' }),
      z.lt(1, { error: 'expected a number from 0 up to (not including) 1' }),
    ),
  training: z._default(bool, false),
  seed: z._default(intIn(0, LIMITS.maxSeed, `an integer from 0 to ${LIMITS.maxSeed}`), 0),
});

const nodeOf = <T extends string, P extends z.ZodMiniType>(type: T, params: P) =>
  z.strictObject({ ...base, type: z.literal(type), params });

const cellIndices = z.custom<number[]>(
  (v) =>
    Array.isArray(v) &&
    v.length <= LIMITS.maxExerciseCells &&
    v.every((n) => Number.isInteger(n) && n >= 0 && n < LIMITS.maxTensorElements) &&
    new Set(v).size === v.length,
  {
    error: `expected "all" or at most ${LIMITS.maxExerciseCells} distinct output cell indices (integers from 0)`,
  },
);

/**
 * A hand-calculation exercise (手計算) on a Conv2D or MaxPool: the output cells the learner
 * computes, as flat indices into the output (row-major, channels last), or `'all'`.
 */
export const exerciseSchema = z.strictObject({
  hidden: z.union([z.literal('all'), cellIndices], {
    error: `expected "all" or at most ${LIMITS.maxExerciseCells} distinct output cell indices (integers from 0)`,
  }),
});

/** A node type whose output a learner may compute by hand. */
const practiceNodeOf = <T extends string, P extends z.ZodMiniType>(type: T, params: P) =>
  z.strictObject({ ...base, type: z.literal(type), params, exercise: z.optional(exerciseSchema) });

export const paramsSchemas = {
  Input: inputParamsSchema,
  Conv2D: conv2dParamsSchema,
  MaxPool: maxPoolParamsSchema,
  Flatten: flattenParamsSchema,
  Dense: denseParamsSchema,
  Dropout: dropoutParamsSchema,
} as const;

export const NODE_TYPES = Object.keys(paramsSchemas) as (keyof typeof paramsSchemas)[];

export const nodeSchema = z
  .discriminatedUnion(
    'type',
    [
      nodeOf('Input', inputParamsSchema),
      practiceNodeOf('Conv2D', conv2dParamsSchema),
      // Every MaxPool param has a default, so params may be omitted; prefault fills them in.
      practiceNodeOf('MaxPool', z.prefault(maxPoolParamsSchema, {})),
      nodeOf('Flatten', z._default(flattenParamsSchema, {})),
      nodeOf('Dense', denseParamsSchema),
      nodeOf('Dropout', dropoutParamsSchema),
    ],
    {
      error: (issue) =>
        issue.code === 'invalid_union' && 'note' in issue
          ? `expected one of ${NODE_TYPES.map((t) => `"${t}"`).join(', ')}`
          : undefined,
    },
  )
  .check(z.superRefine(checkNodeWeights));

export const edgeSchema = z.strictObject({
  id: z.optional(z.string().check(z.maxLength(200, { error: 'expected at most 200 characters' }))),
  source: nodeId,
  target: nodeId,
});

const text = (max: number) =>
  z
    .string({ error: 'expected a string' })
    .check(z.maxLength(max, { error: `expected at most ${max} characters` }));
const localized = (max: number) =>
  z.strictObject({ en: z.optional(text(max)), ja: z.optional(text(max)) });

/** Presentation only: a preset's title and description in each UI language, and its slide. */
export const metaSchema = z.strictObject({
  slide: z.optional(intIn(1, 99, 'a slide number from 1 to 99')),
  title: z.optional(localized(200)),
  description: z.optional(localized(4000)),
});

export const graphSchema = z
  .strictObject({
    format: z.literal('convflow-graph', { error: 'expected "convflow-graph"' }),
    version: z.literal(1, { error: 'expected 1 (the only version this build reads)' }),
    meta: z.optional(metaSchema),
    nodes: z
      .array(nodeSchema, { error: 'expected an array of nodes' })
      .check(z.maxLength(LIMITS.maxNodes, { error: `expected at most ${LIMITS.maxNodes} nodes` })),
    edges: z
      .array(edgeSchema, { error: 'expected an array of edges' })
      .check(z.maxLength(LIMITS.maxEdges, { error: `expected at most ${LIMITS.maxEdges} edges` })),
    /** How to train the network: optional; see training-schema.ts. */
    training: z.optional(trainingSchema),
  })
  .check(z.superRefine(checkGraphStructure));

/** Only the graph-wide rules, for checking an edit without re-validating every tensor. */
export const structureSchema = z
  .object({
    nodes: z
      .array(z.looseObject({ id: z.string(), type: z.string() }))
      .check(z.maxLength(LIMITS.maxNodes, { error: `expected at most ${LIMITS.maxNodes} nodes` })),
    edges: z
      .array(z.looseObject({ source: z.string(), target: z.string() }))
      .check(z.maxLength(LIMITS.maxEdges, { error: `expected at most ${LIMITS.maxEdges} edges` })),
  })
  .check(z.superRefine(checkGraphStructure));
