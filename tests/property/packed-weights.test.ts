import { describe, expect, it } from 'vitest';
import { EngineSession } from '../../src/engine/session.ts';
import type { GraphEdit } from '../../src/graph/edits.ts';
import { parseGraph } from '../../src/graph/parse.ts';
import { chain, inputNode } from '../unit/helpers.ts';
import { makeRng, randomData, seeds, type Rng } from './rng.ts';

/**
 * Input 12×12×3 → Conv2D a (8 filters) → Conv2D b (16) → Dense d (64 units, along the last
 * axis): every layer large enough for the SIMD path, so each has packed weights. Explicit
 * kernels and biases (the case a trained network is in) and initializers both occur.
 */
function start(rng: Rng): EngineSession {
  const weight = (shape: number[]) =>
    rng.chance(0.5)
      ? {
          shape,
          data: randomData(
            rng,
            shape.reduce((a, b) => a * b, 1),
          ),
        }
      : { init: 'glorotUniform', seed: rng.int(0, 9) };
  const doc = chain(
    inputNode('x', { shape: [12, 12, 3], data: randomData(rng, 12 * 12 * 3) }),
    {
      id: 'a',
      type: 'Conv2D',
      params: { filters: 8, kernelSize: [3, 3], kernel: weight([3, 3, 3, 8]), bias: weight([8]) },
    },
    {
      id: 'b',
      type: 'Conv2D',
      params: {
        filters: 16,
        kernelSize: [3, 3],
        kernel: weight([3, 3, 8, 16]),
        bias: weight([16]),
      },
    },
    { id: 'd', type: 'Dense', params: { units: 64, kernel: weight([16, 64]), bias: weight([64]) } },
  );
  const parsed = parseGraph(doc);
  if (!parsed.ok) throw new Error(parsed.error);
  const session = new EngineSession();
  session.load(parsed.value);
  session.evaluate();
  return session;
}

/** An edit that replaces no weight tensor and changes no shape that sizes a kernel. */
function randomEdit(rng: Rng): GraphEdit {
  const layer = rng.pick(['a', 'b', 'd']);
  switch (rng.int(0, 4)) {
    case 0:
      return {
        kind: 'setParams',
        id: layer,
        params: { activation: rng.pick(['linear', 'relu', 'tanh', 'sigmoid']) },
      };
    case 1:
      return { kind: 'setParams', id: layer, params: { useBias: rng.chance(0.5) } };
    case 2: {
      const conv = rng.pick(['a', 'b']);
      return {
        kind: 'setParams',
        id: conv,
        params: {
          padding: rng.pick(['valid', 'same']),
          strides: rng.pick([
            [1, 1],
            [2, 1],
            [1, 2],
          ]),
        },
      };
    }
    default: {
      const cells = Array.from({ length: rng.int(1, 5) }, () => ({
        index: rng.int(0, 12 * 12 * 3 - 1),
        value: rng.uniform(-2, 2),
      }));
      return { kind: 'setCells', id: 'x', param: 'tensor', cells };
    }
  }
}

describe('packed weights are kept across edits that touch no weight', () => {
  it.each(seeds(30))(
    'seed=%i: the same packed objects, and outputs bit-identical to a fresh session',
    (seed) => {
      const rng = makeRng(seed);
      const session = start(rng);
      const packed = new Map(['a', 'b', 'd'].map((id) => [id, session.weightsOf(id)?.packed]));
      for (const [id, p] of packed) expect(p, `${id} has packed weights`).toBeDefined();
      for (let step = 0; step < 25; step++) {
        const edit = randomEdit(rng);
        const where = `seed=${seed} step ${step}: ${JSON.stringify(edit)}`;
        expect(session.apply([edit]).ok, where).toBe(true);
        session.evaluate();
        for (const [id, p] of packed)
          expect(session.weightsOf(id)?.packed, `${where}: ${id}`).toBe(p);
        const fresh = new EngineSession();
        fresh.load(session.document);
        fresh.evaluate();
        for (const id of ['a', 'b', 'd']) {
          const got = session.output(id)?.data;
          const want = fresh.output(id)?.data;
          expect(
            got &&
              want &&
              Buffer.from(got.buffer, got.byteOffset, got.byteLength).equals(
                Buffer.from(want.buffer, want.byteOffset, want.byteLength),
              ),
            `${where}: ${id} bit-identical`,
          ).toBe(true);
        }
      }
    },
  );

  it('a new kernel tensor or a new kernel size does re-pack (the check can fail)', () => {
    const session = start(makeRng(7));
    const before = session.weightsOf('a')?.packed;
    session.apply([
      { kind: 'setParams', id: 'a', params: { kernel: { init: 'heUniform', seed: 3 } } },
    ]);
    session.evaluate();
    expect(session.weightsOf('a')?.packed).not.toBe(before);
    // b's kernel drawn by an initializer: its input channels come from a's filters.
    session.apply([
      { kind: 'setParams', id: 'b', params: { kernel: { init: 'glorotUniform', seed: 1 } } },
    ]);
    session.evaluate();
    const b = session.weightsOf('b')?.packed;
    expect(b).toBeDefined();
    session.apply([
      {
        kind: 'setParams',
        id: 'a',
        params: {
          filters: 4,
          kernel: { init: 'zeros', seed: 0 },
          bias: { init: 'zeros', seed: 0 },
        },
      },
    ]);
    session.evaluate();
    expect(session.weightsOf('b')?.weights.kernel.length).toBe(3 * 3 * 4 * 16);
    expect(session.weightsOf('b')?.packed).not.toBe(b);
  });
});
