import { describe, expect, it } from 'vitest';
import { inkFor, paintSegment, paintStroke } from '../../../src/editor/image/brush.ts';

const pen = { size: 1, ink: 1, erase: false };

describe('paintSegment', () => {
  it('x=[5,5,1] a 1-pixel dot at the centre of pixel (2,2) inks just that pixel', () => {
    const data = new Array<number>(25).fill(0);
    expect(paintSegment(data, 5, 5, 1, { x: 2.5, y: 2.5 }, { x: 2.5, y: 2.5 }, pen)).toBe(true);
    expect(data.map((v, i) => (v > 0 ? i : -1)).filter((i) => i >= 0)).toEqual([12]);
    expect(data[12]).toBe(1);
  });

  it('x=[3,5,1] a horizontal line through row 1 inks the whole row and nothing else', () => {
    const data = new Array<number>(15).fill(0);
    paintSegment(data, 3, 5, 1, { x: 0, y: 1.5 }, { x: 5, y: 1.5 }, pen);
    expect(data).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
  });

  it('x=[4,4,3] paints every channel alike with ink 255', () => {
    const data = new Array<number>(48).fill(0);
    paintSegment(data, 4, 4, 3, { x: 1.5, y: 1.5 }, { x: 1.5, y: 1.5 }, { ...pen, ink: 255 });
    expect(data.slice(15, 18)).toEqual([255, 255, 255]);
  });

  it('ink keeps the brighter value; the eraser fades to 0', () => {
    const data = [0.2, 0.9];
    paintSegment(
      data,
      1,
      2,
      1,
      { x: 0, y: 0.5 },
      { x: 2, y: 0.5 },
      { size: 1, ink: 0.5, erase: false },
    );
    expect(data).toEqual([0.5, 0.9]);
    paintSegment(data, 1, 2, 1, { x: 0, y: 0.5 }, { x: 2, y: 0.5 }, { ...pen, erase: true });
    expect(data).toEqual([0, 0]);
  });

  it('the rim is soft: a pixel centre half a pixel beyond the radius gets nothing, inside gets partial', () => {
    const data = new Array<number>(5).fill(0);
    // Radius 1 around x = 2.5: centres at 1.5 and 3.5 are at distance 1 → coverage 0.5.
    paintSegment(data, 1, 5, 1, { x: 2.5, y: 0.5 }, { x: 2.5, y: 0.5 }, { ...pen, size: 2 });
    expect(data).toEqual([0, 0.5, 1, 0.5, 0]);
  });

  it('a stroke outside the tensor changes nothing', () => {
    const data = new Array<number>(4).fill(0);
    expect(paintSegment(data, 2, 2, 1, { x: 10, y: 10 }, { x: 12, y: 12 }, pen)).toBe(false);
    expect(data).toEqual([0, 0, 0, 0]);
  });
});

describe('paintStroke', () => {
  it('x=[3,3,1] a diagonal polyline inks the diagonal', () => {
    const data = new Float32Array(9);
    paintStroke(
      data,
      3,
      3,
      1,
      [
        { x: 0.5, y: 0.5 },
        { x: 1.5, y: 1.5 },
        { x: 2.5, y: 2.5 },
      ],
      pen,
    );
    expect([data[0], data[4], data[8]]).toEqual([1, 1, 1]);
    expect(data[2]).toBe(0);
  });
});

describe('inkFor', () => {
  it('1 for [0,1] data, 255 once a value passes 1', () => {
    expect(inkFor([0, 0.5, 1])).toBe(1);
    expect(inkFor([0, 12])).toBe(255);
  });
});
