import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { channel, evaluate, referenceMulberry32 } from './helpers.ts';

// The slide presets must reproduce ../shared/slides.md exactly. Where a slide gives no
// numbers (3, 3b), the expectation is the definition itself, written out below.

const presetDir = new URL('../../presets/', import.meta.url);
const preset = (name: string) =>
  evaluate(JSON.parse(readFileSync(new URL(name, presetDir), 'utf8')) as unknown);

/** Cross-correlation, valid padding, stride 1, no bias: out[y,x,f] = Σ k[i,j,c,f]·in[y+i,x+j,c]. */
function referenceConvValid(
  x: { shape: number[]; data: number[] },
  k: { shape: number[]; data: number[] },
) {
  const [h, w, c] = x.shape as [number, number, number];
  const [kh, kw, kc, f] = k.shape as [number, number, number, number];
  expect(kc).toBe(c);
  const oh = h - kh + 1;
  const ow = w - kw + 1;
  const out: number[] = [];
  for (let y = 0; y < oh; y++)
    for (let xx = 0; xx < ow; xx++)
      for (let o = 0; o < f; o++) {
        let s = 0;
        for (let i = 0; i < kh; i++)
          for (let j = 0; j < kw; j++)
            for (let ch = 0; ch < c; ch++)
              s +=
                k.data[((i * kw + j) * c + ch) * f + o]! * x.data[((y + i) * w + xx + j) * c + ch]!;
        out.push(s);
      }
  return { shape: [oh, ow, f], data: out };
}

function presetConv(name: string) {
  const doc = JSON.parse(readFileSync(new URL(name, presetDir), 'utf8')) as {
    nodes: {
      id: string;
      params?: {
        tensor?: { shape: number[]; data: number[] };
        kernel?: { shape: number[]; data: number[] };
      };
    }[];
  };
  const input = doc.nodes.find((n) => n.id === 'input')!.params!.tensor!;
  const kernel = doc.nodes.find((n) => n.id === 'conv')!.params!.kernel!;
  return { input, kernel, e: evaluate(doc) };
}

describe('slide presets', () => {
  it('every preset is a valid document that evaluates without errors', () => {
    const names = readdirSync(presetDir).filter((f) => f.endsWith('.json'));
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) expect([...preset(name).report.errors], name).toEqual([]);
  });

  it('01: valid convolution gives 3 0 1 / 0 2 0 / 1 0 3', () => {
    const out = preset('01-conv-valid.json').out('conv');
    expect(channel(out.data, out.shape, 0)).toEqual([
      [3, 0, 1],
      [0, 2, 0],
      [1, 0, 3],
    ]);
  });

  it('02: same convolution gives the 5×5 slide output', () => {
    const out = preset('02-conv-same.json').out('conv');
    expect(channel(out.data, out.shape, 0)).toEqual([
      [0, 0, 2, 0, 1],
      [0, 3, 0, 1, 0],
      [2, 0, 2, 0, 2],
      [0, 1, 0, 3, 0],
      [1, 0, 2, 0, 0],
    ]);
  });

  it('03: RGB input, one filter with a slice per channel, one output channel', () => {
    const { input, kernel, e } = presetConv('03-rgb-input.json');
    expect(input.shape[2]).toBe(3);
    expect(kernel.shape).toEqual([3, 3, 3, 1]);
    expect(e.out('conv')).toEqual(referenceConvValid(input, kernel));
  });

  it('04: input with 4 CH, kernel 3×3×4×2, output with 2 channels', () => {
    const { input, kernel, e } = presetConv('04-four-channels.json');
    expect(input.shape[2]).toBe(4);
    expect(kernel.shape).toEqual([3, 3, 4, 2]);
    const out = e.out('conv');
    expect(out.shape[2]).toBe(2);
    expect(out).toEqual(referenceConvValid(input, kernel));
  });

  it('05: max pooling gives 3 5 / 5 4', () => {
    expect(preset('05-max-pooling.json').out('pool')).toEqual({
      shape: [2, 2, 1],
      data: [3, 5, 5, 4],
    });
  });

  it('06: flatten gives 2 1 4 5 3 2 0 2 3', () => {
    expect(preset('06-flatten.json').out('flatten')).toEqual({
      shape: [9],
      data: [2, 1, 4, 5, 3, 2, 0, 2, 3],
    });
  });

  it('07: dense gives the hand-computed weighted sums', () => {
    // u0 = 2 − 4 + 5 − 2 = 1; u1 = 1 + 5 − 3 + 2 = 5; u2 = −2 + 4 + 3 + 2 + 3 + bias 1 = 11.
    expect(preset('07-dense.json').out('dense')).toEqual({ shape: [3], data: [1, 5, 11] });
  });

  it('08: dropout rate 0.5 training keeps 2x where the documented mask says so, else 0', () => {
    const next = referenceMulberry32(42);
    const expected = [2, 1, 4, 5, 3, 2, 0, 2, 3].map((v) => (next() >= 0.5 ? 2 * v : 0));
    expect(preset('08-dropout.json').out('dropout')).toEqual({ shape: [9], data: expected });
  });

  it('09: the whole pipeline has the right shapes and a softmax that sums to 1', () => {
    const e = preset('09-pipeline.json');
    expect(e.out('conv').shape).toEqual([4, 4, 2]);
    expect(e.out('pool').shape).toEqual([2, 2, 2]);
    expect(e.out('flatten').shape).toEqual([8]);
    expect(e.out('dense1').shape).toEqual([4]);
    expect(e.out('dense2').shape).toEqual([2]);
    const [a, b] = e.out('dense2').data as [number, number];
    expect(a + b).toBeCloseTo(1, 6);
    for (const v of e.out('conv').data) expect(v).toBeGreaterThanOrEqual(0);
    const dense1 = e.out('dense1').data;
    const dropped = e.out('dropout').data;
    dropped.forEach((v, i) => expect([0, 2 * dense1[i]!]).toContain(v));
  });
});
