import {
  interpolateBlues,
  interpolateBrBG,
  interpolateCividis,
  interpolatePuOr,
  interpolateRdBu,
  interpolateViridis,
} from 'd3-scale-chromatic';
import { storedSetting } from '../../ui/stored-setting.ts';

/**
 * The colour maps a reader may choose. Each has a sequential scale for tensors without
 * negative values and a diverging one (white, or the middle, at zero) for signed tensors:
 * - blues: light to dark blue; red–white–blue (the slides' look, and the default);
 * - viridis: viridis; purple (negative)–white–orange (positive) (PuOr), both readable with
 *   the common colour vision deficiencies (ColorBrewer marks PuOr colour-blind safe);
 * - cividis: cividis, made for deuteranopia and protanopia; brown (negative)–white–teal
 *   (positive) (BrBG, colour-blind safe).
 */
export const COLOR_MAPS = {
  blues: { sequential: interpolateBlues, diverging: interpolateRdBu },
  viridis: { sequential: interpolateViridis, diverging: interpolatePuOr },
  cividis: { sequential: interpolateCividis, diverging: interpolateBrBG },
} as const;
export type ColorMapName = keyof typeof COLOR_MAPS;

/** The chosen colour map (remembered in the browser) and a way to choose another. */
export const useColorMap = storedSetting<ColorMapName>(
  'convflow.colorMap',
  'blues',
  (v): v is ColorMapName => Object.hasOwn(COLOR_MAPS, v),
);
