import * as z from 'zod/mini';
import { LIMITS } from './limits.ts';
import { NON_FINITE, toTensorData } from './tensor-data.ts';

// The building blocks of the format's schemas (schema.ts, training-schema.ts): numbers with
// their ranges, checked tensors, ids. Errors read "expected …", as the whole format's do.

export const intIn = (min: number, max: number, what: string) =>
  z
    .int({ error: `expected ${what}` })
    .check(
      z.minimum(min, { error: `expected ${what}` }),
      z.maximum(max, { error: `expected ${what}` }),
    );

/**
 * Tensor data: JSON numbers (or a Float32Array) in, a checked Float32Array out. Values are
 * float32: 1e39 is finite as a JSON number but Infinity once stored. An array checked
 * before passes without a walk (tensor-data.ts), so an edit costs what it changes.
 */
const tensorData = z.pipe(
  z.custom<number[] | Float32Array>(() => true),
  z.transform((v: number[] | Float32Array, ctx) => {
    const result = toTensorData(v);
    if (result.ok) return result.value;
    ctx.issues.push({
      code: 'custom',
      message: NON_FINITE,
      input: v,
      path: result.index === undefined ? [] : [result.index],
    });
    return z.NEVER;
  }),
);

export const shape = z.custom<number[]>(
  (v) =>
    Array.isArray(v) &&
    v.length >= 1 &&
    v.length <= 4 &&
    v.every((n) => Number.isInteger(n) && n >= 1 && n <= LIMITS.maxTensorElements),
  { error: `expected 1 to 4 integers from 1 to ${LIMITS.maxTensorElements}` },
);

function checkTensorSize(
  t: { shape: number[]; data: Float32Array },
  ctx: z.core.$RefinementCtx<unknown>,
) {
  const size = t.shape.reduce((a, b) => a * b, 1);
  if (size > LIMITS.maxTensorElements) {
    ctx.addIssue({
      code: 'custom',
      path: ['shape'],
      message: `${t.shape.join('×')} is ${size} elements, over the limit of ${LIMITS.maxTensorElements}`,
    });
  } else if (t.data.length !== size) {
    ctx.addIssue({
      code: 'custom',
      path: ['data'],
      message: `expected ${size} values for shape [${t.shape.join(', ')}], got ${t.data.length}`,
    });
  }
}

export const tensorWith = (shapeSchema: z.ZodMiniType<number[]>) =>
  z.strictObject({ shape: shapeSchema, data: tensorData }).check(z.superRefine(checkTensorSize));

export const bool = z.boolean({ error: 'expected true or false' });

export const nodeId = z.string({ error: 'expected a string' }).check(
  z.minLength(1, { error: 'expected a non-empty id' }),
  z.maxLength(LIMITS.maxIdLength, {
    error: `expected an id of at most ${LIMITS.maxIdLength} characters`,
  }),
);
