import type * as z from 'zod/mini';

interface WeightLike {
  shape?: number[];
}
interface NodeLike {
  type: string;
  params: Record<string, unknown>;
}

/**
 * An explicit kernel or bias must agree with the sizes the node declares. The kernel's
 * input-channel (or input-unit) axis depends on the incoming edge, so it is checked when
 * shapes are inferred, as a node error.
 */
export function checkNodeWeights(node: NodeLike, ctx: z.core.$RefinementCtx<unknown>): void {
  const p = node.params;
  if (node.type === 'Conv2D') {
    const [kh, kw] = p.kernelSize as [number, number];
    const filters = p.filters as number;
    expectShape(
      ctx,
      p.kernel as WeightLike,
      'kernel',
      [kh, kw, null, filters],
      `kernelSize [${kh}, ${kw}] and filters ${filters}`,
    );
    expectShape(ctx, p.bias as WeightLike, 'bias', [filters], `filters ${filters}`);
  } else if (node.type === 'Dense') {
    const units = p.units as number;
    expectShape(ctx, p.kernel as WeightLike, 'kernel', [null, units], `units ${units}`);
    expectShape(ctx, p.bias as WeightLike, 'bias', [units], `units ${units}`);
  }
}

function expectShape(
  ctx: z.core.$RefinementCtx<unknown>,
  weight: WeightLike,
  name: string,
  expected: (number | null)[],
  because: string,
): void {
  const actual = weight.shape;
  if (actual === undefined) return;
  const ok =
    actual.length === expected.length && expected.every((n, i) => n === null || n === actual[i]);
  if (ok) return;
  const want = expected.map((n) =>
    n === null ? (name === 'kernel' && expected.length === 4 ? 'inC' : 'inUnits') : n,
  );
  ctx.addIssue({
    code: 'custom',
    path: ['params', name, 'shape'],
    message: `expected [${want.join(', ')}] for ${because}, got [${actual.join(', ')}]`,
  });
}
