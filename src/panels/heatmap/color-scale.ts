import { scaleDiverging, scaleSequential } from 'd3-scale';
import { COLOR_MAPS, type ColorMapName } from './color-maps.ts';

export type Rgb = readonly [r: number, g: number, b: number];

/** The one colour scale shared by every channel of a tensor. */
export interface TensorColorScale {
  /** The colour map it draws with. */
  readonly map: ColorMapName;
  /** `sequential` when every finite value is ≥ 0, else `diverging` centred on zero. */
  readonly kind: 'sequential' | 'diverging';
  /** Smallest and largest finite value (0 and 0 when there are none). */
  readonly min: number;
  readonly max: number;
  /** CSS colour of a value; NaN gets a neutral grey. */
  color(v: number): string;
  /** The same colour as bytes, from a lookup table. */
  rgb(v: number): Rgb;
  /**
   * Paint `count` values, `data[offset + i·stride]`, as opaque RGBA pixels into `pixels`
   * (an ImageData's bytes): the colours `rgb` gives, one 32-bit store per pixel, for the
   * millions of pixels a large tensor has.
   */
  fillRgba(
    pixels: Uint8ClampedArray,
    data: Float32Array,
    offset: number,
    stride: number,
    count: number,
  ): void;
}

const NAN_RGB: Rgb = [190, 190, 190];
const LUT_SIZE = 256;

/** Finite minimum and maximum; NaN and ±Infinity are left out. */
export function finiteExtent(data: ArrayLike<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min > max ? [0, 0] : [min, max];
}

/** A tensor's finite extent, and how many of its values equal each end. */
export interface CountedExtent {
  readonly min: number;
  readonly max: number;
  readonly atMin: number;
  readonly atMax: number;
}

/** `finiteExtent`, counting the values at each end (none finite: `[0, 0]`, counts 0). */
export function countedExtent(data: ArrayLike<number>): CountedExtent {
  let [min, max, atMin, atMax] = [Infinity, -Infinity, 0, 0];
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < min) [min, atMin] = [v, 1];
    else if (v === min) atMin++;
    if (v > max) [max, atMax] = [v, 1];
    else if (v === max) atMax++;
  }
  return min > max ? { min: 0, max: 0, atMin: 0, atMax: 0 } : { min, max, atMin, atMax };
}

/**
 * `after`'s counted extent, from `before`'s and the values that changed, which lie between
 * indices `first` and `last`: without looking at the rest. Null when it cannot tell (every
 * value at one end changed, so that end may have moved inwards; or `before` had no finite
 * value): then scan `after` whole.
 */
export function extentAfterChange(
  extent: CountedExtent,
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  first: number,
  last: number,
): CountedExtent | null {
  let { min, max, atMin, atMax } = extent;
  if (atMin === 0 || atMax === 0) return null;
  // Two passes over the changed range cost more than one scan of the whole, past half of it.
  if (2 * (last - first + 1) > after.length) return null;
  for (let i = first; i <= last; i++) {
    const was = before[i]!;
    if (was === after[i]) continue;
    if (was === min && --atMin === 0) return null;
    if (was === max && --atMax === 0) return null;
  }
  for (let i = first; i <= last; i++) {
    const now = after[i]!;
    if (before[i] === now || !Number.isFinite(now)) continue;
    if (now < min) [min, atMin] = [now, 1];
    else if (now === min) atMin++;
    if (now > max) [max, atMax] = [now, 1];
    else if (now === max) atMax++;
  }
  return { min, max, atMin, atMax };
}

/** Parses the `rgb(r, g, b)` and `#rrggbb` strings d3-scale-chromatic's interpolators return. */
export function parseRgb(css: string): Rgb {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  if (!m) return NAN_RGB;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/**
 * Picks the colour scale for a tensor: sequential light→dark blue over `[min, max]` for
 * non-negative data, diverging red–white–blue over `[-m, 0, m]` (m = max |v|) when any value
 * is negative, so zero is always the white middle and positive is always blue.
 *
 * @example
 * colorScaleFor(Float32Array.of(-1, 0, 2)).kind; // 'diverging'
 */
export function colorScaleFor(
  data: ArrayLike<number>,
  map: ColorMapName = 'blues',
  extent: readonly [number, number] = finiteExtent(data),
): TensorColorScale {
  const [min, max] = extent;
  const kind = min < 0 ? 'diverging' : 'sequential';
  const m = Math.max(Math.abs(min), Math.abs(max));
  // A constant non-negative tensor has no contrast to show: draw it at the light end
  // rather than letting d3 pick the middle of a degenerate domain.
  const colors = COLOR_MAPS[map];
  const scale: (v: number) => string =
    kind === 'diverging'
      ? scaleDiverging(colors.diverging).domain([-m, 0, m]).clamp(true)
      : min === max
        ? () => colors.sequential(0)
        : scaleSequential(colors.sequential).domain([min, max]).clamp(true);
  const lo = kind === 'diverging' ? -m : min;
  const span = kind === 'diverging' ? 2 * m : max - min;
  // In the domain's own terms (t from 0 to 1) a table depends only on the kind: built once.
  const { lut, packed } = tableFor(map, kind === 'sequential' && min === max ? 'constant' : kind);
  const nanPixel = packed[LUT_SIZE];
  const toIndex = span > 0 ? (LUT_SIZE - 1) / span : 0;
  /** The table entry of a non-NaN value: its place in the domain, clamped and rounded. */
  const indexOf = (v: number): number => {
    const t = (v - lo) * toIndex;
    return t > 0 ? (t < LUT_SIZE - 1 ? (t + 0.5) | 0 : LUT_SIZE - 1) : 0;
  };
  return {
    map,
    kind,
    min,
    max,
    color: (v) => (Number.isNaN(v) ? 'rgb(190, 190, 190)' : scale(v)),
    rgb: (v) => (Number.isNaN(v) ? NAN_RGB : lut[indexOf(v)]),
    fillRgba(pixels, data, offset, stride, count) {
      const out = new Uint32Array(pixels.buffer, pixels.byteOffset, count);
      for (let i = 0, at = offset; i < count; i++, at += stride) {
        const v = data[at];
        out[i] = v === v ? packed[indexOf(v)] : nanPixel;
      }
    },
  };
}

/**
 * The table as one 32-bit word per colour, RGBA in memory order (written bytewise, so
 * storing a word into an ImageData's buffer gives the same bytes on any endianness);
 * the last entry is NaN's grey.
 */
function packLut(lut: readonly Rgb[]): Uint32Array {
  const bytes = new Uint8Array(4 * (lut.length + 1));
  [...lut, NAN_RGB].forEach(([r, g, b], i) => bytes.set([r, g, b, 255], 4 * i));
  return new Uint32Array(bytes.buffer);
}

const TABLES = new Map<string, { lut: Rgb[]; packed: Uint32Array }>();

/** The colour table of a map's kind of scale, over t from 0 to 1 (built on first use). */
function tableFor(map: ColorMapName, kind: 'diverging' | 'sequential' | 'constant') {
  let table = TABLES.get(`${map}:${kind}`);
  if (!table) {
    const colors = COLOR_MAPS[map];
    const colorAt =
      kind === 'diverging'
        ? colors.diverging
        : kind === 'sequential'
          ? colors.sequential
          : () => colors.sequential(0);
    const lut = buildLut(colorAt);
    table = { lut, packed: packLut(lut) };
    TABLES.set(`${map}:${kind}`, table);
  }
  return table;
}

function buildLut(colorAt: (t: number) => string): Rgb[] {
  const lut: Rgb[] = [];
  for (let i = 0; i < LUT_SIZE; i++) lut.push(parseRgb(colorAt(i / (LUT_SIZE - 1))));
  return lut;
}

/** Relative luminance (WCAG) of an sRGB colour, 0 for black to 1 for white. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Dark or white text, whichever contrasts more with the cell colour. */
export function textColorOn(bg: Rgb): string {
  // Contrast against black equals contrast against white at luminance ≈ 0.179.
  return luminance(bg) > 0.179 ? '#111827' : '#ffffff';
}
