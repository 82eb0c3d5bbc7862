import type { TensorValue } from '../../graph/types.ts';
import { resample, type SourceRect } from './resample.ts';

export type ColorMode = 'gray' | 'rgb';
/** `unit`: values in [0, 1]; `byte`: 0–255. */
export type ValueRange = 'unit' | 'byte';
/** `crop`: the centred largest part with the target's aspect; `stretch`: all of it, distorted. */
export type FitMode = 'crop' | 'stretch';

export interface ImageTensorOptions {
  height: number;
  width: number;
  mode: ColorMode;
  range: ValueRange;
  fit: FitMode;
  /** Dark becomes bright: ink on paper turns into MNIST's white digit on black. */
  invert: boolean;
}

/** Decoded pixels as the canvas gives them: RGBA, 8 bits each, not premultiplied. */
export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * RGB floats 0–255 of an RGBA image, composited over white (a transparent PNG shows on a
 * white page, so that is what the learner saw).
 */
export function compositeOverWhite(image: RgbaImage): Float32Array {
  const n = image.width * image.height;
  const out = new Float32Array(n * 3);
  for (let p = 0; p < n; p++) {
    const alpha = image.data[p * 4 + 3]! / 255;
    for (let c = 0; c < 3; c++) out[p * 3 + c] = image.data[p * 4 + c]! * alpha + 255 * (1 - alpha);
  }
  return out;
}

/**
 * The part of a `width`×`height` image to keep for a `dstWidth`×`dstHeight` target: all of
 * it when stretching, else the centred largest rectangle with the target's aspect.
 */
export function fitRect(
  width: number,
  height: number,
  dstWidth: number,
  dstHeight: number,
  fit: FitMode,
): SourceRect {
  if (fit === 'stretch') return { x: 0, y: 0, width, height };
  const aspect = dstWidth / dstHeight;
  const w = Math.min(width, height * aspect);
  const h = w / aspect;
  return { x: (width - w) / 2, y: (height - h) / 2, width: w, height: h };
}

/** ITU-R BT.601 luma, as tf.image.rgb_to_grayscale and PIL's "L" compute it. */
const LUMA = [0.299, 0.587, 0.114] as const;

/**
 * Interleaved RGB floats 0–255 as an Input tensor `[h, w, 1 | 3]`: gray by luma, optionally
 * inverted, then scaled to the range. Values are quantized like an 8-bit image: whole
 * numbers for 0–255, four decimals for [0, 1] (short in files and share links).
 * @example rgbToTensor(Float32Array.of(255, 0, 0), 1, 1, { mode: 'gray', range: 'unit', invert: false })
 * // { shape: [1, 1, 1], data: [0.299] }
 */
export function rgbToTensor(
  rgb: Float32Array,
  width: number,
  height: number,
  options: Pick<ImageTensorOptions, 'mode' | 'range' | 'invert'>,
): TensorValue {
  const channels = options.mode === 'gray' ? 1 : 3;
  const n = width * height;
  const data = new Float32Array(n * channels);
  for (let p = 0; p < n; p++) {
    for (let c = 0; c < channels; c++) {
      const v =
        channels === 3
          ? rgb[p * 3 + c]!
          : LUMA[0] * rgb[p * 3]! + LUMA[1] * rgb[p * 3 + 1]! + LUMA[2] * rgb[p * 3 + 2]!;
      data[p * channels + c] = quantize(options.invert ? 255 - v : v, options.range);
    }
  }
  return { shape: [height, width, channels], data };
}

function quantize(v: number, range: ValueRange): number {
  const byte = Math.min(255, Math.max(0, v));
  return range === 'byte' ? Math.round(byte) : Math.round((byte / 255) * 1e4) / 1e4;
}

/**
 * A decoded image as an Input tensor of the chosen size, colours and range: composited over
 * white, cropped or stretched, resized with {@link resample} (area averaging when
 * shrinking), then converted by {@link rgbToTensor}.
 * @example imageToTensor(image, { height: 28, width: 28, mode: 'gray', range: 'unit', fit: 'crop', invert: true })
 */
export function imageToTensor(image: RgbaImage, options: ImageTensorOptions): TensorValue {
  return resizedTensor(compositeOverWhite(image), image.width, image.height, options);
}

/**
 * {@link imageToTensor} from pixels already composited by {@link compositeOverWhite}, so a
 * dialog trying sizes composites a large picture once.
 */
export function resizedTensor(
  rgb: Float32Array,
  width: number,
  height: number,
  options: ImageTensorOptions,
): TensorValue {
  const rect = fitRect(width, height, options.width, options.height, options.fit);
  const small = resample(rgb, width, height, 3, options.width, options.height, rect);
  return rgbToTensor(small, options.width, options.height, options);
}
