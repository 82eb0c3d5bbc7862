import { isInitializer, type WeightSpec } from '../../graph/types.ts';

/** Classic 3×3 filters, row by row, as Keras applies them (cross-correlation, not flipped). */
export const FILTER_PRESETS = {
  'sobel-x': [-1, 0, 1, -2, 0, 2, -1, 0, 1],
  'sobel-y': [-1, -2, -1, 0, 0, 0, 1, 2, 1],
  laplacian: [0, 1, 0, 1, -4, 1, 0, 1, 0],
  'box-blur': Array<number>(9).fill(1 / 9),
  'gaussian-blur': [1, 2, 1, 2, 4, 2, 1, 2, 1].map((v) => v / 16),
  sharpen: [0, -1, 0, -1, 5, -1, 0, -1, 0],
  /** The slides' filter: a diagonal from top-right to bottom-left. */
  diagonal: [0, 0, 1, 0, 1, 0, 1, 0, 0],
} as const satisfies Record<string, readonly number[]>;

export type FilterPreset = keyof typeof FILTER_PRESETS;
export const FILTER_PRESET_NAMES = Object.keys(FILTER_PRESETS) as FilterPreset[];

/**
 * The Conv2D params one `setParams` sets for a preset: kernel size 3×3 and an explicit
 * kernel `[3, 3, inC, filters]` holding the preset on every input channel of every filter
 * (so each output sums the filtered channels), bias zero.
 * @example filterPresetParams('diagonal', 1, 1).kernel // { shape: [3, 3, 1, 1], data: [0, 0, 1, 0, 1, 0, 1, 0, 0] }
 */
export function filterPresetParams(preset: FilterPreset, inC: number, filters: number) {
  const taps = FILTER_PRESETS[preset];
  const data = new Float32Array(9 * inC * filters);
  for (let k = 0; k < 9; k++)
    for (let i = 0; i < inC * filters; i++) data[k * inC * filters + i] = taps[k]!;
  return {
    kernelSize: [3, 3],
    kernel: { shape: [3, 3, inC, filters], data },
    bias: { init: 'zeros', seed: 0 },
  };
}

/** The preset an explicit kernel holds on every channel and filter, or null. */
export function presetOfKernel(kernel: WeightSpec): FilterPreset | null {
  if (isInitializer(kernel)) return null;
  const [kh, kw, inC = 1, filters = 1] = kernel.shape;
  if (kh !== 3 || kw !== 3 || kernel.shape.length !== 4) return null;
  const per = inC * filters;
  return (
    FILTER_PRESET_NAMES.find((name) =>
      kernel.data.every((v, i) => v === Math.fround(FILTER_PRESETS[name][Math.floor(i / per)]!)),
    ) ?? null
  );
}
