import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/useT.ts';
import { COLOR_MAPS, useColorMap, type ColorMapName } from '../heatmap/color-maps.ts';
import { parseRgb } from '../heatmap/color-scale.ts';

/** More filters or channels than this are left out of the maps (the node says how many). */
const MAX_FILTERS = 16;
const MAX_CHANNELS = 8;
/** Pixels of background between neighbouring filters, in kernel pixels. */
const GAP = 1;

/** A map's diverging scale as 256 RGB triples (−max to +max): looked up, not parsed, per tap. */
const palettes = new Map<ColorMapName, Uint8Array>();
function diverging(map: ColorMapName): Uint8Array {
  let palette = palettes.get(map);
  if (palette) return palette;
  palette = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) palette.set(parseRgb(COLOR_MAPS[map].diverging(i / 255)), i * 3);
  palettes.set(map, palette);
  return palette;
}

/**
 * A Conv2D's kernel `[kh, kw, inC, filters]` as small maps, one per filter (columns) and
 * input channel (rows), on one diverging scale centred on zero: red negative, blue positive,
 * so the edge and stroke detectors a network learns can be seen forming. One canvas for
 * them all, written as pixels: it is redrawn with every report while a run goes on.
 */
export function FilterMaps({ shape, data }: { shape: readonly number[]; data: Float32Array }) {
  const t = useT();
  const [kh, kw, inC, filters] = shape as [number, number, number, number];
  const cols = Math.min(filters, MAX_FILTERS);
  const rows = Math.min(inC, MAX_CHANNELS);
  const width = cols * (kw + GAP) - GAP;
  const height = rows * (kh + GAP) - GAP;
  // About 200 px across, whatever the count: 8 filters of 5 taps at 4 px a tap.
  const scale = Math.max(1, Math.min(6, Math.floor(200 / width)));
  const canvas = useRef<HTMLCanvasElement>(null);
  const [map] = useColorMap();
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    let max = 1e-6;
    for (const v of data) if (Math.abs(v) > max) max = Math.abs(v);
    const lut = diverging(map);
    const image = ctx.createImageData(width, height);
    const px = image.data;
    for (let c = 0; c < rows; c++)
      for (let f = 0; f < cols; f++)
        for (let y = 0; y < kh; y++)
          for (let x = 0; x < kw; x++) {
            const v = data[((y * kw + x) * inC + c) * filters + f]!;
            const k = Math.round(((v / max + 1) / 2) * 255) * 3;
            const o = ((c * (kh + GAP) + y) * width + f * (kw + GAP) + x) * 4;
            px[o] = lut[k]!;
            px[o + 1] = lut[k + 1]!;
            px[o + 2] = lut[k + 2]!;
            px[o + 3] = 255;
          }
    ctx.putImageData(image, 0, 0);
  }, [data, kh, kw, inC, filters, rows, cols, width, height, map]);
  const label = t('train.filters', { filters, channels: inC });
  return (
    <figure className="tr-filters" aria-label={label}>
      <figcaption>{label}</figcaption>
      <canvas
        ref={canvas}
        className="tr-filter-sheet"
        width={width}
        height={height}
        style={{ width: width * scale, height: height * scale }}
        role="img"
        aria-label={label}
      />
    </figure>
  );
}
