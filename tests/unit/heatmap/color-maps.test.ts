import { describe, expect, it } from 'vitest';
import { colorScaleFor, parseRgb } from '../../../src/panels/heatmap/color-scale.ts';

describe('colour maps', () => {
  it('viridis runs from its purple (the minimum) to its yellow (the maximum)', () => {
    const scale = colorScaleFor(Float32Array.of(0, 1, 2, 3), 'viridis');
    expect(scale.rgb(0)).toEqual([68, 1, 84]);
    expect(scale.rgb(3)).toEqual([253, 231, 37]);
    expect(scale.color(3)).toBe('#fde725');
  });

  it('signed tensors: purple–orange for viridis, brown–teal for cividis, white-ish at zero', () => {
    const data = Float32Array.of(-2, 0, 2);
    const puOr = colorScaleFor(data, 'viridis');
    const brBG = colorScaleFor(data, 'cividis');
    expect(puOr.kind).toBe('diverging');
    // PuOr: purple for negative, orange for positive; BrBG: brown, then teal.
    expect(puOr.rgb(-2)[2]).toBeGreaterThan(puOr.rgb(-2)[1]);
    expect(puOr.rgb(2)[0]).toBeGreaterThan(puOr.rgb(2)[2]);
    expect(brBG.rgb(-2)[0]).toBeGreaterThan(brBG.rgb(-2)[2]);
    expect(brBG.rgb(2)[1]).toBeGreaterThan(brBG.rgb(2)[0]);
    for (const s of [puOr, brBG]) expect(Math.min(...s.rgb(0))).toBeGreaterThan(230);
  });

  it('the default is the slides’ blues and red–blue, as before', () => {
    expect(colorScaleFor(Float32Array.of(0, 3)).rgb(3)).toEqual(
      colorScaleFor(Float32Array.of(0, 3), 'blues').rgb(3),
    );
    expect(colorScaleFor(Float32Array.of(0, 3)).rgb(3)).toEqual([8, 48, 107]);
  });

  it('reads both colour notations d3 returns', () => {
    expect(parseRgb('#440154')).toEqual([68, 1, 84]);
    expect(parseRgb('rgb(8, 48, 107)')).toEqual([8, 48, 107]);
  });
});
