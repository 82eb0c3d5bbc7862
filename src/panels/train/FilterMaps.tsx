import { scaleDiverging } from 'd3-scale';
import { interpolateRdBu } from 'd3-scale-chromatic';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/useT.ts';

/** More filters or channels than this are left out of the maps (the node says how many). */
const MAX_FILTERS = 16;
const MAX_CHANNELS = 8;

/**
 * A Conv2D's kernel `[kh, kw, inC, filters]` as small maps, one per filter (columns) and
 * input channel (rows), on one diverging scale centred on zero: red negative, blue positive,
 * so the edge and stroke detectors a network learns can be seen forming.
 */
export function FilterMaps({ shape, data }: { shape: readonly number[]; data: Float32Array }) {
  const t = useT();
  const [kh, kw, inC, filters] = shape as [number, number, number, number];
  const cols = Math.min(filters, MAX_FILTERS);
  const rows = Math.min(inC, MAX_CHANNELS);
  // About 200 px across, whatever the count: 8 filters at 22 px, 16 at 11 px.
  const size = Math.max(8, Math.min(22, Math.floor(190 / cols)));
  let max = 1e-6;
  for (const v of data) if (Math.abs(v) > max) max = Math.abs(v);
  const color = scaleDiverging(interpolateRdBu).domain([-max, 0, max]);
  return (
    <figure className="tr-filters" aria-label={t('train.filters', { filters, channels: inC })}>
      <figcaption>{t('train.filters', { filters, channels: inC })}</figcaption>
      <div
        className="tr-filter-grid"
        style={{ gridTemplateColumns: `repeat(${cols}, ${size}px)`, gridAutoRows: `${size}px` }}
      >
        {Array.from({ length: rows * cols }, (_, i) => (
          <FilterMap
            key={i}
            kh={kh}
            kw={kw}
            at={Math.floor(i / cols) * filters + (i % cols)}
            stride={inC * filters}
            filters={filters}
            data={data}
            color={color}
          />
        ))}
      </div>
    </figure>
  );
}

interface FilterMapProps {
  kh: number;
  kw: number;
  /** Offset of tap (0, 0) of this filter and channel: c · filters + f. */
  at: number;
  /** Floats between taps: inC · filters. */
  stride: number;
  filters: number;
  data: Float32Array;
  color: (v: number) => string;
}

function FilterMap({ kh, kw, at, stride, data, color }: FilterMapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    for (let y = 0; y < kh; y++)
      for (let x = 0; x < kw; x++) {
        ctx.fillStyle = color(data[at + (y * kw + x) * stride]!);
        ctx.fillRect(x, y, 1, 1);
      }
  }, [kh, kw, at, stride, data, color]);
  return <canvas ref={canvas} className="tr-filter" width={kw} height={kh} />;
}
