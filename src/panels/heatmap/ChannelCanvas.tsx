import { memo, useEffect, useMemo, useRef } from 'react';
import { useT } from '../../i18n/useT.ts';
import type { TensorColorScale } from './color-scale.ts';
import type { ChannelMapProps } from './ChannelGrid.tsx';
import { canvasHandlers } from './map-events.ts';
import type { CellPos, MapLayout } from './map-layout.ts';
import { canvasCssSize } from './sizing.ts';

/**
 * One large map painted through ImageData, one bitmap pixel per cell, scaled by CSS with
 * `image-rendering: pixelated`: a 224×224 channel is one element, not 50,176.
 */
export const ChannelCanvas = memo(function ChannelCanvas(
  props: ChannelMapProps & { maxSide: number },
) {
  const { nodeId, layout, data, channel, scale, active, maxSide, highlight, changed } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  const image = useRef<ImageData | null>(null);
  const size = canvasCssSize(layout, maxSide);

  useEffect(() => {
    // jsdom, and a browser out of canvas memory, give no 2D context: draw nothing then.
    const ctx = ref.current?.getContext('2d');
    if (ctx) image.current = paintChannel(ctx, layout, data, channel, scale, image.current);
  }, [layout, data, channel, scale]);

  const t = useT();
  const label =
    layout.rank === 1
      ? t('heatmap.stripImage', { id: nodeId, n: layout.count })
      : t('heatmap.mapImage', { id: nodeId, c: channel, rows: layout.rows, cols: layout.cols });

  return (
    <div className="hm-canvas-wrap" style={{ width: size.width, height: size.height }}>
      <canvas
        ref={ref}
        role="img"
        aria-label={label}
        className="hm-canvas"
        width={layout.cols}
        height={layout.rows}
        style={{ width: size.width, height: size.height }}
        {...canvasHandlers(props)}
      />
      {highlight && <HighlightBox layout={layout} channel={channel} highlight={highlight} />}
      {changed && (
        <HighlightBox layout={layout} channel={channel} highlight={changed} kind="changed" />
      )}
      {active && <SelectionBox layout={layout} pos={active} />}
    </div>
  );
});

function SelectionBox({ layout, pos }: { layout: MapLayout; pos: CellPos }) {
  const style = {
    left: `${(pos.col / layout.cols) * 100}%`,
    top: `${(pos.row / layout.rows) * 100}%`,
    width: `${100 / layout.cols}%`,
    height: `${100 / layout.rows}%`,
  };
  return <div className="hm-canvas-selection" style={style} aria-hidden="true" />;
}

/** One outline around the marked cells of this channel (a receptive field is a rectangle). */
function HighlightBox(props: {
  layout: MapLayout;
  channel: number;
  highlight: Uint8Array;
  /** A traced field (the default), or what the last edit changed. */
  kind?: 'traced' | 'changed';
}) {
  const { layout, channel, highlight } = props;
  // Memoized: every render of a map would otherwise scan its channel's cells again.
  const box = useMemo(() => markedBox(layout, channel, highlight), [layout, channel, highlight]);
  if (!box) return null;
  const { top, left, bottom, right } = box;
  const style = {
    left: `${(left / layout.cols) * 100}%`,
    top: `${(top / layout.rows) * 100}%`,
    width: `${((right - left + 1) / layout.cols) * 100}%`,
    height: `${((bottom - top + 1) / layout.rows) * 100}%`,
  };
  const className = props.kind === 'changed' ? 'hm-canvas-changed' : 'hm-canvas-highlight';
  return <div className={className} style={style} aria-hidden="true" />;
}

/** The rows and columns that bound a channel's marked cells, or null when none is marked. */
export function markedBox(layout: MapLayout, channel: number, marks: Uint8Array) {
  let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
  const { count, channels, cols } = layout;
  for (let i = 0, at = channel, row = 0, col = 0; i < count; i++, at += channels) {
    if (marks[at]) {
      if (row < top) top = row;
      if (col < left) left = col;
      if (row > bottom) bottom = row;
      if (col > right) right = col;
    }
    if (++col === cols) {
      col = 0;
      row++;
    }
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

/**
 * Writes one channel into the context's bitmap; a strip's unused tail stays transparent.
 * Returns the ImageData it painted through, to be passed back as `reuse` next time: a
 * recompute then repaints without allocating (and first touching) a fresh pixel buffer.
 */
export function paintChannel(
  ctx: CanvasRenderingContext2D,
  layout: MapLayout,
  data: Float32Array,
  channel: number,
  scale: TensorColorScale,
  reuse: ImageData | null = null,
): ImageData {
  const image =
    reuse?.width === layout.cols && reuse.height === layout.rows
      ? reuse
      : ctx.createImageData(layout.cols, layout.rows);
  scale.fillRgba(image.data, data, channel, layout.channels, layout.count);
  if (image === reuse) image.data.fill(0, 4 * layout.count);
  ctx.putImageData(image, 0, 0);
  return image;
}
