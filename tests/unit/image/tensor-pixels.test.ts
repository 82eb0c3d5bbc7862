import { describe, expect, it } from 'vitest';
import { tensorToRgba } from '../../../src/editor/image/tensor-pixels.ts';

describe('tensorToRgba', () => {
  it('x=[1,2,1] max 1: 0 is black, 1 white, opaque', () => {
    expect([...tensorToRgba([0, 1], 1, 2, 1, 1)]).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
  });
  it('x=[1,1,3] max 255 keeps the colour; values outside are clamped', () => {
    expect([...tensorToRgba([300, 10, -5], 1, 1, 3, 255)]).toEqual([255, 10, 0, 255]);
  });
  it('x=[1,1,2] shows the first channel as gray', () => {
    expect([...tensorToRgba([0.5, 1], 1, 1, 2, 1)]).toEqual([128, 128, 128, 255]);
  });
});
