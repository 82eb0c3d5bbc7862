import * as z from 'zod/mini';
import { LIMITS } from './limits.ts';
import { bool, intIn, nodeId, tensorWith } from './schema-parts.ts';

/** The built-in data sets a training section may name. */
export const DATASETS = ['mnist'] as const;
export const LOSSES = ['categoricalCrossentropy', 'meanSquaredError'] as const;
export const OPTIMIZERS = ['sgd', 'adam'] as const;

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(' or ');

/** Samples and labels: `[N, ...]`, rank 1 to 4, at most 2^24 values each, finite float32. */
const samples = z.custom<number[]>(
  (v) =>
    Array.isArray(v) &&
    v.length >= 1 &&
    v.length <= 4 &&
    v.every((n) => Number.isInteger(n) && n >= 1 && n <= LIMITS.maxTensorElements),
  { error: `expected [N, ...] with 1 to 4 integers from 1 to ${LIMITS.maxTensorElements}` },
);
const inlineTensor = tensorWith(samples);

/** Inline samples `x` ([N, H, W, C]) and their targets `y` ([N, ...the output's shape]). */
export const inlineDataSchema = z.strictObject({ x: inlineTensor, y: inlineTensor }).check(
  z.superRefine((d, ctx) => {
    const n = d.x.shape[0]!;
    if (d.y.shape[0] !== n)
      ctx.addIssue({
        code: 'custom',
        path: ['y', 'shape'],
        message: `expected N = ${n} samples, as in x, got ${d.y.shape[0]}`,
      });
  }),
);

export const datasetSchema = z.strictObject({
  dataset: z.enum(DATASETS, { error: `expected ${quoted(DATASETS)}` }),
  limit: z.optional(
    intIn(1, LIMITS.mnistTrainSamples, `an integer from 1 to ${LIMITS.mnistTrainSamples}`),
  ),
});

type DatasetRef = z.output<typeof datasetSchema>;
type InlineSamples = z.output<typeof inlineDataSchema>;

/**
 * A data set by name, or inline samples: an object with a `dataset` key is read as the
 * first, so a wrong name is reported at `data.dataset`, not as "one form or the other".
 */
function trainingDataSchema() {
  return z.pipe(
    z.unknown(),
    z.transform((v: unknown, ctx): DatasetRef | InlineSamples => {
      const named = typeof v === 'object' && v !== null && 'dataset' in v;
      const result = (named ? datasetSchema : inlineDataSchema).safeParse(v);
      if (result.success) return result.data;
      // Passed on as they are (an unknown key stays one, worded by parse.ts).
      for (const issue of result.error.issues)
        ctx.issues.push({ ...issue, input: v } as (typeof ctx.issues)[number]);
      return z.NEVER;
    }),
  );
}

const positive = (max: number, what: string) =>
  z
    .number({ error: `expected ${what}` })
    .check(z.gt(0, { error: `expected ${what}` }), z.maximum(max, { error: `expected ${what}` }));
const fraction = z
  .number({ error: 'expected a number from 0 up to (not including) 1' })
  .check(
    z.minimum(0, { error: 'expected a number from 0 up to (not including) 1' }),
    z.lt(1, { error: 'expected a number from 0 up to (not including) 1' }),
  );
const learningRate = positive(10, 'a learning rate above 0, at most 10');

/** TensorFlow.js's `tf.train.sgd` / `tf.train.momentum`, and `tf.train.adam`, with its defaults. */
export const optimizerSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('sgd'),
      learningRate: z._default(learningRate, 0.01),
      momentum: z._default(fraction, 0),
      nesterov: z._default(bool, false),
    }),
    z.strictObject({
      type: z.literal('adam'),
      learningRate: z._default(learningRate, 0.001),
      beta1: z._default(fraction, 0.9),
      beta2: z._default(fraction, 0.999),
      epsilon: z._default(positive(1, 'an epsilon above 0, at most 1'), 1e-7),
    }),
  ],
  { error: `expected an optimizer {"type": ${quoted(OPTIMIZERS)}, …}` },
);

/**
 * How to train the graph's network, as Keras's `model.fit(x, y, batch_size, epochs,
 * shuffle)` with TensorFlow.js's optimizers (docs/graph-format.md). The references to nodes
 * and the shapes are checked against the graph by `checkTraining`, not here: an edit that
 * removes the input node must not make the document unreadable.
 */
export const trainingSchema = z.strictObject({
  input: nodeId,
  output: nodeId,
  data: trainingDataSchema(),
  test: z.optional(inlineDataSchema),
  loss: z._default(
    z.enum(LOSSES, { error: `expected ${quoted(LOSSES)}` }),
    'categoricalCrossentropy',
  ),
  optimizer: z._default(optimizerSchema, {
    type: 'adam',
    learningRate: 0.001,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-7,
  }),
  batchSize: z._default(
    intIn(1, LIMITS.maxBatchSize, `an integer from 1 to ${LIMITS.maxBatchSize}`),
    32,
  ),
  epochs: z._default(intIn(1, LIMITS.maxEpochs, `an integer from 1 to ${LIMITS.maxEpochs}`), 1),
  shuffle: z._default(bool, true),
  seed: z._default(intIn(0, LIMITS.maxSeed, `an integer from 0 to ${LIMITS.maxSeed}`), 0),
});
