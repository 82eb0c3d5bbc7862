import { describe, expect, it } from 'vitest';
import {
  colorScaleFor,
  finiteExtent,
  luminance,
  parseRgb,
  textColorOn,
  type Rgb,
} from '../../../src/panels/heatmap/color-scale.ts';

const CSS_RGB = /^rgb\(\d+, \d+, \d+\)$/;
const near = (a: Rgb, b: Rgb, tol = 4) => a.every((v, i) => Math.abs(v - b[i]) <= tol);

describe('colorScaleFor', () => {
  it('[0, 1, 2] → sequential, light at the minimum and dark at the maximum', () => {
    const s = colorScaleFor(Float32Array.of(0, 1, 2));
    expect(s.kind).toBe('sequential');
    expect([s.min, s.max]).toEqual([0, 2]);
    expect(luminance(s.rgb(0))).toBeGreaterThan(0.85);
    expect(luminance(s.rgb(2))).toBeLessThan(0.1);
    expect(luminance(s.rgb(1))).toBeLessThan(luminance(s.rgb(0)));
    // Blue ramp: the dark end is blue, not grey.
    const [r, , b] = s.rgb(2);
    expect(b).toBeGreaterThan(r + 50);
  });

  it('constant [3, 3, 3] → sequential with real colours, never NaN', () => {
    const s = colorScaleFor(Float32Array.of(3, 3, 3));
    expect(s.kind).toBe('sequential');
    expect([s.min, s.max]).toEqual([3, 3]);
    expect(s.color(3)).toMatch(CSS_RGB);
    expect(s.rgb(3).every(Number.isFinite)).toBe(true);
    expect(s.color(3)).not.toContain('NaN');
  });

  it('constant zeros [0, 0] → the light end, and no NaN', () => {
    const s = colorScaleFor(new Float32Array(4));
    expect(s.kind).toBe('sequential');
    expect(s.color(0)).toMatch(CSS_RGB);
    expect(luminance(s.rgb(0))).toBeGreaterThan(0.85);
  });

  it('all negative [-3, -1] → diverging over [-3, 0, 3], values red', () => {
    const s = colorScaleFor(Float32Array.of(-3, -1));
    expect(s.kind).toBe('diverging');
    expect([s.min, s.max]).toEqual([-3, -1]);
    const [r, , b] = s.rgb(-3);
    expect(r).toBeGreaterThan(b + 50);
    expect(s.color(-1)).toMatch(CSS_RGB);
    // Zero is the light centre even though no value is zero.
    expect(luminance(s.rgb(0))).toBeGreaterThan(0.8);
  });

  it('mixed [-1, 0, 2] → diverging centred on zero: red below, white at 0, blue above', () => {
    const s = colorScaleFor(Float32Array.of(-1, 0, 2));
    expect(s.kind).toBe('diverging');
    expect([s.min, s.max]).toEqual([-1, 2]);
    expect(s.rgb(0).every((c) => c > 225)).toBe(true);
    const neg = s.rgb(-2);
    const pos = s.rgb(2);
    expect(neg[0]).toBeGreaterThan(neg[2] + 50);
    expect(pos[2]).toBeGreaterThan(pos[0] + 50);
    // Symmetric domain [-2, 0, 2]: ±1 are equally far from white.
    expect(Math.abs(luminance(s.rgb(-1)) - luminance(s.rgb(1)))).toBeLessThan(0.15);
    expect(luminance(s.rgb(-1))).toBeGreaterThan(luminance(s.rgb(-2)));
  });

  it('rgb() from the lookup table agrees with color()', () => {
    const s = colorScaleFor(Float32Array.of(-0.7, 0.1, 1.3));
    for (const v of [-0.7, -0.2, 0, 0.5, 1.3])
      expect(near(s.rgb(v), parseRgb(s.color(v)))).toBe(true);
  });

  it('NaN and ±Infinity do not set the range; NaN is grey, infinities clamp', () => {
    const s = colorScaleFor(Float32Array.of(NaN, 1, Infinity, 4, -Infinity));
    expect([s.min, s.max]).toEqual([1, 4]);
    expect(s.kind).toBe('sequential');
    expect(s.rgb(NaN)).toEqual([190, 190, 190]);
    expect(s.rgb(Infinity)).toEqual(s.rgb(4));
    expect(s.color(NaN)).toMatch(CSS_RGB);
  });
});

describe('helpers', () => {
  it('finiteExtent of nothing finite is [0, 0]', () => {
    expect(finiteExtent([])).toEqual([0, 0]);
    expect(finiteExtent([NaN, Infinity])).toEqual([0, 0]);
    expect(finiteExtent([2, -5, 7])).toEqual([-5, 7]);
  });

  it('parseRgb reads d3 colour strings', () => {
    expect(parseRgb('rgb(8, 48, 107)')).toEqual([8, 48, 107]);
  });

  it('textColorOn picks dark text on light cells and white on dark ones', () => {
    expect(textColorOn([247, 251, 255])).toBe('#111827');
    expect(textColorOn([8, 48, 107])).toBe('#ffffff');
    expect(textColorOn([103, 0, 31])).toBe('#ffffff');
  });
});

describe('fillRgba', () => {
  it('paints every strided value as rgb() gives it, opaque, NaN grey', () => {
    const channels = 3;
    const data = Float32Array.from({ length: 40 * channels }, (_, i) => Math.sin(i * 1.7) * 5);
    data[4] = NaN;
    data[7] = Infinity;
    data[10] = -Infinity;
    const s = colorScaleFor(data);
    for (const channel of [0, 1, 2]) {
      const px = new Uint8ClampedArray(40 * 4);
      s.fillRgba(px, data, channel, channels, 40);
      for (let i = 0; i < 40; i++) {
        const v = data[i * channels + channel];
        expect([...px.subarray(4 * i, 4 * i + 4)]).toEqual([...s.rgb(v), 255]);
      }
    }
  });

  it('leaves the pixels past `count` alone (a strip’s unused tail)', () => {
    const s = colorScaleFor(Float32Array.of(0, 1));
    const px = new Uint8ClampedArray(4 * 4);
    s.fillRgba(px, Float32Array.of(0, 1), 0, 1, 2);
    expect([...px.subarray(8)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(px[3]).toBe(255);
  });
});
