import {
  interpolateBlues,
  interpolateBrBG,
  interpolateCividis,
  interpolatePuOr,
  interpolateRdBu,
  interpolateViridis,
} from 'd3-scale-chromatic';
import { useSyncExternalStore } from 'react';

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

const KEY = 'convflow.colorMap';
let current: ColorMapName = read();
const listeners = new Set<() => void>();

function read(): ColorMapName {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return v && v in COLOR_MAPS ? (v as ColorMapName) : 'blues';
  } catch {
    return 'blues';
  }
}

/** The chosen colour map (remembered in the browser) and a way to choose another. */
export function useColorMap(): [ColorMapName, (name: ColorMapName) => void] {
  const value = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
  return [value, setColorMap];
}

function setColorMap(name: ColorMapName): void {
  current = name;
  try {
    globalThis.localStorage?.setItem(KEY, name);
  } catch {
    // Not remembered; it still applies to this page.
  }
  for (const l of [...listeners]) l();
}
