import { mulberry32 } from '../../src/graph/prng.ts';
import { windowInfo, type WindowInfo } from '../../src/graph/window.ts';

/** One benchmark case: a single layer on a single image, float32, channels last. */
export type BenchCase =
  | {
      kind: 'conv';
      name: string;
      g: WindowInfo;
      filters: number;
      x: Float32Array;
      /** [kh, kw, inC, filters] */
      kernel: Float32Array;
      bias: Float32Array;
    }
  | { kind: 'pool'; name: string; g: WindowInfo; x: Float32Array }
  | {
      kind: 'dense';
      name: string;
      inUnits: number;
      units: number;
      x: Float32Array;
      /** [inUnits, units] */
      kernel: Float32Array;
      bias: Float32Array;
    };

function random(n: number, seed: number, scale = 1): Float32Array {
  const next = mulberry32(seed);
  return Float32Array.from({ length: n }, () => (2 * next() - 1) * scale);
}

function window(shape: [number, number, number], k: number, s: number, pad: 'same' | 'valid') {
  const r = windowInfo(shape, [k, k], [s, s], pad);
  if (!r.ok) throw new Error(r.error);
  return r.info;
}

function conv(h: number, w: number, c: number, f: number, seed: number): BenchCase {
  const g = window([h, w, c], 3, 1, 'same');
  return {
    kind: 'conv',
    name: `conv ${h}×${w}×${c}→${f}`,
    g,
    filters: f,
    x: random(h * w * c, seed),
    kernel: random(9 * c * f, seed + 1, Math.sqrt(6 / (9 * (c + f)))),
    bias: random(f, seed + 2, 0.1),
  };
}

/** The cases: 3×3 `same` convolutions, a slide-sized one, pooling and a dense layer. */
export function benchCases(): BenchCase[] {
  return [
    conv(5, 5, 1, 1, 10),
    conv(28, 28, 1, 32, 20),
    conv(28, 28, 32, 64, 30),
    conv(224, 224, 3, 16, 40),
    conv(112, 112, 16, 32, 50),
    conv(256, 256, 32, 64, 60),
    {
      kind: 'pool',
      name: 'maxpool 2×2 224×224×16',
      g: window([224, 224, 16], 2, 2, 'valid'),
      x: random(224 * 224 * 16, 70),
    },
    {
      kind: 'dense',
      name: 'dense 9216→128',
      inUnits: 9216,
      units: 128,
      x: random(9216, 80),
      kernel: random(9216 * 128, 81, Math.sqrt(6 / (9216 + 128))),
      bias: random(128, 82, 0.1),
    },
  ];
}

/** Multiply-adds (compares for pooling). */
export function workOf(c: BenchCase): number {
  if (c.kind === 'dense') return c.inUnits * c.units;
  const { outH, outW, kh, kw, inC } = c.g;
  return outH * outW * kh * kw * inC * (c.kind === 'conv' ? c.filters : 1);
}

/** [H, W, C] → [C, H, W], for ONNX's NCHW layout. */
export function toChw(x: Float32Array, h: number, w: number, c: number): Float32Array {
  const out = new Float32Array(x.length);
  for (let i = 0; i < h * w; i++) for (let j = 0; j < c; j++) out[j * h * w + i] = x[i * c + j];
  return out;
}

/** [C, H, W] → [H, W, C]. */
export function toHwc(x: Float32Array, h: number, w: number, c: number): Float32Array {
  const out = new Float32Array(x.length);
  for (let i = 0; i < h * w; i++) for (let j = 0; j < c; j++) out[i * c + j] = x[j * h * w + i];
  return out;
}
