import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowsReached, rowsWindow, windowInfo } from '../../src/graph/window.ts';
import { inferShapes } from '../../src/graph/shape-inference.ts';
import { parseGraph } from '../../src/graph/parse.ts';
import { chain, inputNode, tensorValue } from './helpers.ts';

function geometry(
  input: number[],
  size: [number, number],
  strides: [number, number],
  padding: 'valid' | 'same',
) {
  const g = windowInfo(input, size, strides, padding);
  if (!g.ok) throw new Error(g.error);
  const { outH, outW, padTop, padBottom, padLeft, padRight } = g.info;
  return { out: [outH, outW], pad: [padTop, padBottom, padLeft, padRight] };
}

describe('windowInfo (TF padding arithmetic)', () => {
  it.each([
    // input, kernel, strides, padding, [outH, outW], [top, bottom, left, right]
    [[5, 5, 1], [3, 3], [1, 1], 'valid', [3, 3], [0, 0, 0, 0]],
    [[5, 5, 1], [3, 3], [1, 1], 'same', [5, 5], [1, 1, 1, 1]],
    [[5, 5, 1], [2, 2], [1, 1], 'same', [5, 5], [0, 1, 0, 1]],
    [[5, 5, 1], [4, 4], [1, 1], 'same', [5, 5], [1, 2, 1, 2]],
    [[4, 4, 1], [2, 2], [2, 2], 'same', [2, 2], [0, 0, 0, 0]],
    [[5, 5, 1], [2, 2], [2, 2], 'same', [3, 3], [0, 1, 0, 1]],
    [[6, 6, 1], [3, 3], [2, 2], 'same', [3, 3], [0, 1, 0, 1]],
    [[7, 7, 1], [3, 3], [2, 2], 'same', [4, 4], [1, 1, 1, 1]],
    [[7, 7, 1], [1, 1], [3, 3], 'same', [3, 3], [0, 0, 0, 0]],
    [[7, 7, 1], [2, 2], [3, 3], 'valid', [2, 2], [0, 0, 0, 0]],
    [[8, 9, 2], [3, 2], [2, 3], 'valid', [3, 3], [0, 0, 0, 0]],
    [[8, 9, 2], [3, 2], [2, 3], 'same', [4, 3], [0, 1, 0, 0]],
    [[2, 2, 1], [5, 5], [1, 1], 'same', [2, 2], [2, 2, 2, 2]],
    [[1, 1, 1], [1, 1], [64, 64], 'valid', [1, 1], [0, 0, 0, 0]],
  ] as const)('x=%j k=%j s=%j %s → out %j pad %j', (input, k, s, padding, out, pad) => {
    expect(geometry([...input], [...k], [...s], padding)).toEqual({ out, pad });
  });

  it('x=[2,2,1] k=[3,3] valid is an error naming both sizes', () => {
    const g = windowInfo([2, 2, 1], [3, 3], [1, 1], 'valid');
    expect(g.ok).toBe(false);
    if (!g.ok) expect(g.error).toMatch(/3×3 is larger than its 2×2 input/);
  });

  it('x=[4] (rank 1) is an error', () => {
    const g = windowInfo([4], [1, 1], [1, 1], 'same');
    expect(g.ok).toBe(false);
    if (!g.ok) expect(g.error).toMatch(/rank-3/);
  });
});

describe('shape inference', () => {
  it('x=[28,28,1] → conv k=[3,3] f=8 same s=2 → pool → flatten → dense 10, before any data', () => {
    const parsed = parseGraph(
      chain(
        inputNode('in', tensorValue([28, 28, 1], new Array<number>(784).fill(0))),
        {
          id: 'c',
          type: 'Conv2D',
          params: { filters: 8, kernelSize: [3, 3], strides: [2, 2], padding: 'same' },
        },
        { id: 'p', type: 'MaxPool' },
        { id: 'f', type: 'Flatten' },
        { id: 'd', type: 'Dense', params: { units: 10 } },
      ),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    const shapes = inferShapes(parsed.value);
    const shapeOf = (id: string) => {
      const s = shapes.get(id);
      return s?.ok ? s.shape : s?.error;
    };
    // 28 → ceil(28/2) = 14 → floor((14 − 2)/2) + 1 = 7; 7·7·8 = 392.
    expect(shapeOf('c')).toEqual([14, 14, 8]);
    expect(shapeOf('p')).toEqual([7, 7, 8]);
    expect(shapeOf('f')).toEqual([392]);
    expect(shapeOf('d')).toEqual([10]);
    const c = shapes.get('c');
    const d = shapes.get('d');
    // Keras's param counts: 3·3·1·8 + 8 = 80; 392·10 + 10 = 3930.
    expect(c?.ok && c.paramCount).toBe(80);
    expect(d?.ok && d.paramCount).toBe(3930);
  });
});

describe('the rows an edit reaches', () => {
  const window = fc
    .record({
      inH: fc.integer({ min: 1, max: 12 }),
      kh: fc.integer({ min: 1, max: 5 }),
      sh: fc.integer({ min: 1, max: 3 }),
      padding: fc.constantFrom('valid' as const, 'same' as const),
    })
    .map(({ inH, kh, sh, padding }) => windowInfo([inH, 2, 1], [kh, 1], [sh, 1], padding))
    .filter((r) => r.ok)
    .map((r) => (r.ok ? r.info : null)!);

  it('rowsReached: exactly the output rows whose windows read a changed input row', () => {
    fc.assert(
      fc.property(window, fc.nat(), fc.nat(), (g, a, b) => {
        const from = a % g.inH;
        const to = from + (b % (g.inH - from));
        const reads = (y: number) => [...Array(g.kh).keys()].map((k) => y * g.sh - g.padTop + k);
        const byHand = [...Array(g.outH).keys()].filter((y) =>
          reads(y).some((r) => r >= from && r <= to),
        );
        const got = rowsReached(g, from, to);
        expect(got).toEqual(byHand.length ? [byHand[0], byHand.at(-1)] : null);
      }),
      { numRuns: 400 },
    );
  });

  it('rowsWindow: the cut window reads the same input rows, padding where the whole one does', () => {
    fc.assert(
      fc.property(window, fc.nat(), fc.nat(), (g, a, b) => {
        const from = a % g.outH;
        const to = from + (b % (g.outH - from));
        const part = rowsWindow(g, from, to);
        if (!part) return;
        const { g: cut, inFrom } = part;
        expect(cut.outH).toBe(to - from + 1);
        // Padded rows the cut kernel sees = the whole window's padded rows for those outputs.
        expect(cut.padTop + cut.inH + cut.padBottom).toBe((to - from) * g.sh + g.kh);
        for (let y = 0; y < cut.outH; y++)
          for (let k = 0; k < g.kh; k++)
            expect(y * cut.sh - cut.padTop + k + inFrom).toBe((y + from) * g.sh - g.padTop + k);
      }),
      { numRuns: 400 },
    );
  });
});
