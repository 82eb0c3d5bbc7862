import type { MapLayout } from './map-layout.ts';

/** A numbered map stays within this width, so a node holding it stays under ~360 px. */
export const GRID_MAX_WIDTH_PX = 352;
const GRID_MAX_HEIGHT_PX = 320;
const MIN_CELL_PX = 12;
const MIN_FONT_PX = 7;
/** Widths in em, generous for common sans-serif faces (DejaVu Sans digits are 0.64 em). */
const DIGIT_EM = 0.62;
const NARROW_EM: Record<string, number> = { '.': 0.32, '-': 0.42 };
/** At most this many channels are drawn; the rest are counted, not hidden silently. */
export const MAX_CHANNELS_SHOWN = 64;

export interface GridMetrics {
  readonly cellW: number;
  readonly cellH: number;
  readonly fontPx: number;
}

/** Estimated width of a cell's text in em: enough to size cells without measuring the DOM. */
export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) em += NARROW_EM[ch] ?? DIGIT_EM;
  return em;
}

/**
 * Cell and font sizes for a numbered map: square cells of up to `maxCellPx`, widened for the
 * widest number (`widestEm`, from {@link textEm}) while the map fits
 * {@link GRID_MAX_WIDTH_PX}, with the font shrunk to fit.
 */
export function gridMetrics(layout: MapLayout, widestEm: number, maxCellPx = 22): GridMetrics {
  const side = Math.max(layout.rows, layout.cols);
  const cellH = Math.max(MIN_CELL_PX, Math.min(maxCellPx, Math.floor(GRID_MAX_HEIGHT_PX / side)));
  const baseFont = Math.round(cellH * 0.5);
  const em = Math.max(DIGIT_EM, widestEm);
  const needed = Math.ceil(em * baseFont) + 4;
  const widthBudget = Math.floor(GRID_MAX_WIDTH_PX / layout.cols);
  const cellW = Math.max(cellH, Math.min(needed, widthBudget));
  const fitted = Math.floor((cellW - 4) / em);
  const fontPx = Math.max(MIN_FONT_PX, Math.min(baseFont, fitted));
  return { cellW, cellH, fontPx };
}

/** Largest side of one channel's canvas: smaller when there are many channels to tile. */
export function canvasMaxSide(channels: number): number {
  if (channels <= 2) return 160;
  if (channels <= 8) return 112;
  return 80;
}

/**
 * CSS size of a canvas map: the bitmap holds one pixel per cell and is scaled (pixelated)
 * up to at most 8 px a cell, or down to fit `maxSide`.
 */
export function canvasCssSize(
  layout: MapLayout,
  maxSide: number,
): { width: number; height: number } {
  const scale = Math.min(8, maxSide / Math.max(layout.rows, layout.cols));
  return {
    width: Math.max(1, Math.round(layout.cols * scale)),
    height: Math.max(1, Math.round(layout.rows * scale)),
  };
}
