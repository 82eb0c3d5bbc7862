import { describe, expect, it } from 'vitest';
import {
  cellAt,
  cellAtFraction,
  cellExists,
  layoutFor,
  moveCell,
  type MapLayout,
} from '../../../src/panels/heatmap/map-layout.ts';
import {
  canvasCssSize,
  gridMetrics,
  GRID_MAX_WIDTH_PX,
  textEm,
} from '../../../src/panels/heatmap/sizing.ts';

const layout = (shape: number[]) => {
  const l = layoutFor(
    shape,
    shape.reduce((a, b) => a * b, 1),
  );
  if (typeof l === 'string') throw new Error(l);
  return l;
};

describe('layoutFor', () => {
  it('[3,3,2] → two small 3×3 maps', () => {
    expect(layout([3, 3, 2])).toEqual({
      rank: 3,
      rows: 3,
      cols: 3,
      channels: 2,
      count: 9,
      small: true,
    });
  });
  it('[16,16,1] is small, [17,16,1] is not', () => {
    expect(layout([16, 16, 1]).small).toBe(true);
    expect(layout([17, 16, 1]).small).toBe(false);
  });
  it('[4,5] is one channel', () => {
    expect(layout([4, 5])).toMatchObject({ rank: 3, rows: 4, cols: 5, channels: 1 });
  });
  it('[40] → strip in rows of 16 (3 rows, last one short)', () => {
    expect(layout([40])).toEqual({
      rank: 1,
      rows: 3,
      cols: 16,
      channels: 1,
      count: 40,
      small: true,
    });
  });
  it('[5] → one row of 5', () => {
    expect(layout([5])).toMatchObject({ rows: 1, cols: 5 });
  });
  it('[1000] → a canvas block 32 wide', () => {
    expect(layout([1000])).toMatchObject({ rows: 32, cols: 32, small: false });
  });
  it.each([
    [[2, 2, 1], 3, 'needs 4 values, got 3'],
    [[0], 0, 'empty'],
    [[1, 2, 2, 1], 4, 'rank-4'],
    [[-1, 2], -2, 'bad shape'],
  ])('rejects %j with %i values', (shape, length, message) => {
    expect(layoutFor(shape, length)).toContain(message);
  });
});

describe('cells', () => {
  it('cellAt reads channels-last data: [2,2,3] channel 1 at (1,0) is element 7', () => {
    const data = Float32Array.from({ length: 12 }, (_, i) => i * 10);
    expect(cellAt(layout([2, 2, 3]), data, { channel: 1, row: 1, col: 0 })).toEqual({
      channel: 1,
      row: 1,
      col: 0,
      index: 7,
      value: 70,
    });
  });
  it('a strip of 40 has no cell past index 39', () => {
    const l = layout([40]);
    expect(cellExists(l, { channel: 0, row: 2, col: 7 })).toBe(true);
    expect(cellExists(l, { channel: 0, row: 2, col: 8 })).toBe(false);
  });
  it('cellAtFraction maps a point to the cell under it', () => {
    const l = layout([4, 8, 1]);
    expect(cellAtFraction(l, 0, 0.99, 0.26)).toEqual({ channel: 0, row: 1, col: 7 });
    expect(cellAtFraction(l, 0, 1, 0.5)).toBeNull();
    expect(cellAtFraction(l, 0, NaN, 0.5)).toBeNull();
  });
});

describe('moveCell', () => {
  const map: MapLayout = layout([3, 3, 1]);
  const at = (row: number, col: number) => ({ channel: 0, row, col });
  it('arrows move one cell and stop at the edges of a channel map', () => {
    expect(moveCell(map, at(1, 1), 'ArrowRight')).toEqual(at(1, 2));
    expect(moveCell(map, at(1, 2), 'ArrowRight')).toEqual(at(1, 2));
    expect(moveCell(map, at(0, 0), 'ArrowUp')).toEqual(at(0, 0));
    expect(moveCell(map, at(0, 0), 'ArrowDown')).toEqual(at(1, 0));
    expect(moveCell(map, at(2, 1), 'Home')).toEqual(at(2, 0));
    expect(moveCell(map, at(2, 0), 'End')).toEqual(at(2, 2));
    expect(moveCell(map, at(2, 0), 'a')).toBeNull();
  });
  it('in a strip of 40, Right wraps to the next row and Down stops at the short last row', () => {
    const strip = layout([40]);
    expect(moveCell(strip, at(0, 15), 'ArrowRight')).toEqual(at(1, 0));
    expect(moveCell(strip, at(1, 0), 'ArrowLeft')).toEqual(at(0, 15));
    expect(moveCell(strip, at(1, 12), 'ArrowDown')).toEqual(at(1, 12));
    expect(moveCell(strip, at(1, 3), 'ArrowDown')).toEqual(at(2, 3));
    expect(moveCell(strip, at(2, 0), 'End')).toEqual(at(2, 7));
  });
});

describe('sizing', () => {
  it('5×5 maps get 22 px cells; 16×16 ones fit the node width', () => {
    expect(gridMetrics(layout([5, 5, 1]), textEm('12'))).toMatchObject({ cellW: 22, cellH: 22 });
    const big = gridMetrics(layout([16, 16, 1]), textEm('-0.034'));
    expect(big.cellW * 16).toBeLessThanOrEqual(GRID_MAX_WIDTH_PX);
    expect(big.cellH).toBeLessThan(22);
    expect(big.fontPx).toBeGreaterThanOrEqual(7);
  });
  it('long numbers widen a small map rather than overflow', () => {
    const m = gridMetrics(layout([3, 3, 1]), textEm('-0.44'));
    expect(m.cellW).toBeGreaterThan(m.cellH);
    expect(m.fontPx).toBe(11);
  });
  it('two 5×5 maps of two-digit decimals fit side by side in a node', () => {
    expect(2 * 5 * gridMetrics(layout([5, 5, 2]), textEm('-0.44')).cellW + 10).toBeLessThan(360);
  });
  it('textEm counts points and minus signs as narrow', () => {
    expect(textEm('-0.5')).toBeLessThan(textEm('1234'));
  });
  it('a 224×224 channel is drawn 160 px wide; a 20×20 one at 8 px a cell', () => {
    expect(canvasCssSize(layout([224, 224, 1]), 160)).toEqual({ width: 160, height: 160 });
    expect(canvasCssSize(layout([20, 20, 1]), 160)).toEqual({ width: 160, height: 160 });
    expect(canvasCssSize(layout([17, 17, 1]), 160)).toEqual({ width: 136, height: 136 });
  });
});
