import { describe, expect, it } from 'vitest';
import { plain } from '../helpers.ts';
import {
  compositeOverWhite,
  fitRect,
  imageToTensor,
  rgbToTensor,
  type RgbaImage,
} from '../../../src/editor/image/image-tensor.ts';

function image(
  width: number,
  height: number,
  pixel: (x: number, y: number) => number[],
): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 4);
  return { data, width, height };
}

describe('compositeOverWhite', () => {
  it('opaque keeps the colour, transparent becomes white, half alpha is halfway', () => {
    const img = image(
      3,
      1,
      (x) =>
        [
          [10, 20, 30, 255],
          [0, 0, 0, 0],
          [0, 0, 0, 128],
        ][x]!,
    );
    const rgb = [...compositeOverWhite(img)];
    expect(rgb.slice(0, 6)).toEqual([10, 20, 30, 255, 255, 255]);
    for (const v of rgb.slice(6)) expect(v).toBeCloseTo(255 * (1 - 128 / 255), 4);
  });
});

describe('fitRect', () => {
  it('crop of 400×200 to 28×28 is the centred 200×200', () => {
    expect(fitRect(400, 200, 28, 28, 'crop')).toEqual({ x: 100, y: 0, width: 200, height: 200 });
  });
  it('crop of 100×300 to 20×10 keeps the full width', () => {
    expect(fitRect(100, 300, 20, 10, 'crop')).toEqual({ x: 0, y: 125, width: 100, height: 50 });
  });
  it('stretch keeps everything', () => {
    expect(fitRect(400, 200, 28, 28, 'stretch')).toEqual({ x: 0, y: 0, width: 400, height: 200 });
  });
});

describe('rgbToTensor', () => {
  const red = Float32Array.of(255, 0, 0);
  it('gray uses BT.601 luma: pure red is 0.299', () => {
    expect(plain(rgbToTensor(red, 1, 1, { mode: 'gray', range: 'unit', invert: false }))).toEqual({
      shape: [1, 1, 1],
      data: [0.299],
    });
  });
  it('rgb in 0–255 rounds to whole numbers', () => {
    const rgb = Float32Array.of(254.6, 0.4, 127.5);
    expect(
      plain(rgbToTensor(rgb, 1, 1, { mode: 'rgb', range: 'byte', invert: false }).data),
    ).toEqual([255, 0, 128]);
  });
  it('invert turns white paper into 0 and black ink into 1', () => {
    const rgb = Float32Array.of(255, 255, 255, 0, 0, 0);
    expect(plain(rgbToTensor(rgb, 2, 1, { mode: 'gray', range: 'unit', invert: true }))).toEqual({
      shape: [1, 2, 1],
      data: [0, 1],
    });
  });
  it('[0,1] values have at most four decimals', () => {
    const data = rgbToTensor(Float32Array.of(1, 1, 1), 1, 1, {
      mode: 'rgb',
      range: 'unit',
      invert: false,
    }).data;
    expect(plain(data)).toEqual([0.0039, 0.0039, 0.0039]);
  });
});

describe('imageToTensor', () => {
  it('x=[8,16] left half black, right white → [2,4,1]: 0 0 1 1 per row', () => {
    const img = image(16, 8, (x) => (x < 8 ? [0, 0, 0, 255] : [255, 255, 255, 255]));
    const t = imageToTensor(img, {
      height: 2,
      width: 4,
      mode: 'gray',
      range: 'unit',
      fit: 'stretch',
      invert: false,
    });
    expect(plain(t)).toEqual({ shape: [2, 4, 1], data: [0, 0, 1, 1, 0, 0, 1, 1] });
  });

  it('crop of a 300×100 image to 1×1 reads only the centre 100×100', () => {
    const img = image(300, 100, (x) => (x >= 100 && x < 200 ? [0, 0, 255, 255] : [255, 0, 0, 255]));
    const t = imageToTensor(img, {
      height: 1,
      width: 1,
      mode: 'rgb',
      range: 'byte',
      fit: 'crop',
      invert: false,
    });
    expect(plain(t)).toEqual({ shape: [1, 1, 3], data: [0, 0, 255] });
  });

  it('x=[600,800] → [28,28,3] gives 2352 values in 0–255', () => {
    const img = image(800, 600, (x, y) => [x % 256, y % 256, 128, 255]);
    const t = imageToTensor(img, {
      height: 28,
      width: 28,
      mode: 'rgb',
      range: 'byte',
      fit: 'crop',
      invert: false,
    });
    expect(t.shape).toEqual([28, 28, 3]);
    expect(t.data).toHaveLength(2352);
    for (const v of t.data) expect(v >= 0 && v <= 255 && Number.isInteger(v)).toBe(true);
  });
});
