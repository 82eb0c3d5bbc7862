import type { TensorValue } from '../../graph/types.ts';
import { paintStroke } from '../image/brush.ts';
import { DIGIT_STROKES } from './digit-strokes.ts';

/** The built-in sample pictures, in the order the picker lists them. */
export const SAMPLE_KINDS = [
  'digit-0',
  'digit-1',
  'digit-2',
  'digit-3',
  'digit-4',
  'digit-5',
  'digit-6',
  'digit-7',
  'digit-8',
  'digit-9',
  'stripes-0',
  'stripes-45',
  'stripes-90',
  'stripes-135',
  'checkerboard',
  'circle',
  'gradient',
] as const;
export type SampleKind = (typeof SAMPLE_KINDS)[number];

type Plane = (height: number, width: number) => Float32Array;

/**
 * A sample picture as an Input tensor `[height, width, channels]`, values in [0, 1] (four
 * decimals), every channel alike. Made in code at any size: bright ink on black, as MNIST.
 * @example sampleTensor('gradient', 1, 5, 1).data // [0, 0.25, 0.5, 0.75, 1]
 */
export function sampleTensor(
  kind: SampleKind,
  height: number,
  width: number,
  channels: number,
): TensorValue {
  const plane = planeOf(kind)(height, width);
  const data = new Float32Array(plane.length * channels);
  plane.forEach((v, p) => {
    for (let c = 0; c < channels; c++) data[p * channels + c] = Math.round(v * 1e4) / 1e4;
  });
  return { shape: [height, width, channels], data };
}

function planeOf(kind: SampleKind): Plane {
  if (kind.startsWith('digit-')) return (h, w) => digit(Number(kind.slice(6)), h, w);
  if (kind.startsWith('stripes-')) return (h, w) => stripes(Number(kind.slice(8)), h, w);
  if (kind === 'checkerboard') return checkerboard;
  if (kind === 'circle') return circle;
  return gradient;
}

/** Pixel-centre values of `f(x, y)`, x and y in pixels. */
function fill(height: number, width: number, f: (x: number, y: number) => number): Float32Array {
  const out = new Float32Array(height * width);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[y * width + x] = f(x, y);
  return out;
}

/** A digit in a centred square of 72% of the shorter side, as MNIST's 20 px in 28. */
function digit(d: number, height: number, width: number): Float32Array {
  const out = new Float32Array(height * width);
  const side = 0.72 * Math.min(height, width);
  const left = (width - side) / 2;
  const top = (height - side) / 2;
  const brush = { size: Math.max(1, side * 0.12), ink: 1, erase: false };
  for (const line of DIGIT_STROKES[d]!) {
    const points = line.map(([x, y]) => ({ x: left + x * side, y: top + y * side }));
    paintStroke(out, height, width, 1, points, brush);
  }
  return out;
}

/** Bars `angle` degrees from horizontal (counter-clockwise), a fifth of the shorter side apart. */
function stripes(angle: number, height: number, width: number): Float32Array {
  const period = Math.max(2, Math.round(Math.min(height, width) / 5));
  const rad = (angle * Math.PI) / 180;
  const [sin, cos] = [Math.sin(rad), Math.cos(rad)];
  return fill(height, width, (x, y) => {
    const d = (x + 0.5) * sin + (y + 0.5) * cos;
    const phase = d / period - Math.floor(d / period);
    return phase < 0.5 ? 1 : 0;
  });
}

function checkerboard(height: number, width: number): Float32Array {
  const cell = Math.max(1, Math.round(Math.min(height, width) / 8));
  return fill(height, width, (x, y) => (Math.floor(x / cell) + Math.floor(y / cell)) % 2);
}

/** A filled disc, its rim anti-aliased over one pixel. */
function circle(height: number, width: number): Float32Array {
  const r = 0.35 * Math.min(height, width);
  return fill(height, width, (x, y) => {
    const dist = Math.hypot(x + 0.5 - width / 2, y + 0.5 - height / 2);
    return Math.min(1, Math.max(0, r + 0.5 - dist));
  });
}

/** Dark at the left edge to bright at the right. */
function gradient(height: number, width: number): Float32Array {
  return fill(height, width, (x) => (width === 1 ? 0.5 : x / (width - 1)));
}
