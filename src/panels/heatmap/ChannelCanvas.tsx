import { memo, useEffect, useMemo, useRef } from 'react';
import { useT } from '../../i18n/useT.ts';
import type { TensorColorScale } from './color-scale.ts';
import type { ChannelMapProps } from './ChannelGrid.tsx';
import { canvasHandlers } from './map-events.ts';
import type { CellPos, MapLayout } from './map-layout.ts';
import { changedBox, markedBox, paintChannel, type CellBox } from './channel-paint.ts';
import { canvasCssSize } from './sizing.ts';

/**
 * One large map painted through ImageData, one bitmap pixel per cell, scaled by CSS with
 * `image-rendering: pixelated`: a 224×224 channel is one element, not 50,176.
 */
export const ChannelCanvas = memo(function ChannelCanvas(
  props: ChannelMapProps & { maxSide: number },
) {
  const { nodeId, layout, data, channel, scale, active, maxSide, highlight, changed, delta } =
    props;
  const ref = useRef<HTMLCanvasElement>(null);
  const image = useRef<ImageData | null>(null);
  /** What the bitmap shows: these values, in this layout, coloured by this scale. */
  const painted = useRef<{ data: Float32Array; layout: MapLayout; scale: TensorColorScale }>(null);
  const size = canvasCssSize(layout, maxSide);
  // The cells of this channel the last recomputation changed: repainted, and outlined.
  const changeBox = useMemo(
    () => (delta?.change ? changedBox(layout, channel, delta.change) : null),
    [layout, channel, delta],
  );

  useEffect(() => {
    // jsdom, and a browser out of canvas memory, give no 2D context: draw nothing then.
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const last = painted.current;
    // An edit that changed a few cells repaints those (a dot on a 224×224 picture changes a
    // few dozen cells of each map downstream, not 1.5 million); anything else repaints all.
    const onlyChanged =
      last !== null &&
      delta !== undefined &&
      last.data === delta.before &&
      last.layout === layout &&
      last.scale === scale;
    const region = onlyChanged ? changeBox : undefined;
    image.current = paintChannel(ctx, layout, data, channel, scale, image.current, region);
    painted.current = { data, layout, scale };
  }, [layout, data, channel, scale, delta, changeBox]);

  useEffect(() => {
    // A canvas whose context the browser dropped and gave back is blank: put the whole
    // picture back (the kept ImageData always holds all of it).
    const canvas = ref.current;
    const restore = () => {
      if (image.current) canvas?.getContext('2d')?.putImageData(image.current, 0, 0);
    };
    canvas?.addEventListener('contextrestored', restore);
    return () => canvas?.removeEventListener('contextrestored', restore);
  }, []);

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
      {changed && changeBox && <Outline layout={layout} box={changeBox} kind="changed" />}
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
function HighlightBox(props: { layout: MapLayout; channel: number; highlight: Uint8Array }) {
  const { layout, channel, highlight } = props;
  // Memoized: every render of a map would otherwise scan its channel's cells again.
  const box = useMemo(() => markedBox(layout, channel, highlight), [layout, channel, highlight]);
  return box && <Outline layout={layout} box={box} kind="traced" />;
}

/** A traced field, or what the last edit changed. */
function Outline(props: { layout: MapLayout; box: CellBox; kind: 'traced' | 'changed' }) {
  const { layout, box } = props;
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
