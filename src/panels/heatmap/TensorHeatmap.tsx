import { useT } from '../../i18n/useT.ts';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { ChannelCanvas } from './ChannelCanvas.tsx';
import { ChannelGrid } from './ChannelGrid.tsx';
import {
  colorScaleFor,
  countedExtent,
  extentAfterChange,
  type CountedExtent,
  type TensorColorScale,
} from './color-scale.ts';
import type { CellChange } from './change-outline.ts';
import { formatValue, formatValueLong } from '../../ui/format-value.ts';
import { HeatmapLegend } from './HeatmapLegend.tsx';
import {
  cellAt,
  cellExists,
  layoutFor,
  type CellPos,
  type HeatmapCell,
  sameLayout,
  type MapLayout,
} from './map-layout.ts';
import { useStable } from '../../ui/useStable.ts';
import { canvasMaxSide, gridMetrics, MAX_CHANNELS_SHOWN, textEm } from './sizing.ts';
import { useChangedCells, type Delta } from './useChangedCells.ts';

// The numbers of a large map, as a table: loaded when first asked for.
const MapNumbers = lazy(() => import('./MapNumbers.tsx').then((m) => ({ default: m.MapNumbers })));
import { useColorMap, type ColorMapName } from './color-maps.ts';
import './heatmap.css';
import { Guarded } from '../../ui/Guarded.tsx';

export type { CellPos, HeatmapCell } from './map-layout.ts';

export interface TensorHeatmapProps {
  nodeId: string;
  /** Channels last: `[H, W, C]` gives one map per channel, `[N]` one strip. */
  tensor: { shape: readonly number[]; data: Float32Array };
  /** The node is being recomputed: dims the maps and shows a badge. */
  busy?: boolean;
  /** Largest cell of a numbered map, in px (default 22). */
  maxCellPx?: number;
  /** Controls the selection when given (null: none); otherwise the component keeps its own. */
  selectedCell?: CellPos | null;
  /** Called when a click or an arrow key selects a cell; `index` is into `tensor.data`. */
  onSelectCell?(cell: HeatmapCell): void;
  /** Cells to mark (1 = marked), indexed like `tensor.data`: e.g. a traced receptive field. */
  highlight?: Uint8Array;
  /**
   * Pixels even for a small map: for values that change ten times a second while training
   * (numbers could not be read, and thousands of text cells cost the page its frames).
   */
  pixels?: boolean;
}

/**
 * Draws a node's output tensor: small multiples of per-channel heatmaps (numbered ARIA grids
 * up to 16×16, pixel canvases above), one shared colour scale with its legend, and a readout
 * of the hovered or selected cell. Purely presentational: it never computes a tensor.
 */
export function TensorHeatmap(props: TensorHeatmapProps) {
  const { nodeId, tensor, busy = false, maxCellPx, selectedCell, onSelectCell, highlight } = props;
  const pixels = props.pixels ?? false;
  const { shape, data } = tensor;
  const t = useT();
  // A report brings a new shape array each time: the same layout is kept, so that the maps
  // see it unchanged (and repaint only the cells that changed).
  const layout = useStable(
    useMemo(() => {
      const l = layoutFor(shape, data.length);
      return typeof l !== 'string' && pixels && l.small ? { ...l, small: false } : l;
    }, [shape, data.length, pixels]),
    sameLayout,
  );
  const [map] = useColorMap();
  const { delta, outlined } = useChangedCells(data, pixels);
  const scale = useStableScale(data, map, delta);
  const [hover, setHover] = useState<HeatmapCell | null>(null);
  const [numbers, setNumbers] = useState(false);
  const [ownSelection, setOwnSelection] = useState<CellPos | null>(null);
  const selection = selectedCell !== undefined ? selectedCell : ownSelection;

  const select = useCallback(
    (pos: CellPos) => {
      if (typeof layout === 'string') return;
      setOwnSelection(pos);
      onSelectCell?.(cellAt(layout, data, pos));
    },
    [layout, data, onSelectCell],
  );

  if (typeof layout === 'string') {
    return <div className="hm-root hm-problem">{`${nodeId}: ${layout}`}</div>;
  }
  // Positions, not values, are kept: a recomputed tensor shows its new value at once.
  const selected = selection && cellExists(layout, selection) ? selection : null;
  const pointed = hover && cellExists(layout, hover) ? hover : selected;
  const readout = pointed ? cellAt(layout, data, pointed) : null;
  return (
    <div className={busy ? 'hm-root hm-busy' : 'hm-root'} aria-busy={busy} data-scale={scale.kind}>
      <div className="hm-header">
        <HeatmapLegend scale={scale} />
        {busy && <BusyBadge />}
        {(!layout.small || pixels) && (
          <button
            type="button"
            className="hm-numbers-button nodrag"
            aria-label={t('numbers.open', { id: nodeId })}
            onClick={() => setNumbers(true)}
          >
            123
          </button>
        )}
      </div>
      {numbers && (
        <Guarded>
          <Suspense fallback={null}>
            <MapNumbers {...{ nodeId, layout, data }} onClose={() => setNumbers(false)} />
          </Suspense>
        </Guarded>
      )}
      <ChannelMaps
        {...{ nodeId, layout, data, scale, maxCellPx, delta }}
        changed={outlined}
        highlight={highlight?.length === data.length ? highlight : undefined}
        selected={selected}
        onSelect={select}
        onHover={setHover}
      />
      <div className="hm-readout">{readout ? describeCell(layout, readout, t) : '\u00a0'}</div>
    </div>
  );
}

/**
 * The colour scale of `data`: the one of the last render while the range of values stays the
 * same, so that the maps see it unchanged (and repaint only the cells that changed). After a
 * change of a few cells, the range is found from those cells alone.
 */
function useStableScale(
  data: Float32Array,
  map: ColorMapName,
  delta: Delta | undefined,
): TensorColorScale {
  const [shown, setShown] = useState<{
    data: Float32Array;
    extent: CountedExtent;
    scale: TensorColorScale;
  } | null>(null);
  if (shown && shown.data === data && shown.scale.map === map) return shown.scale;
  const change = delta?.change;
  const known = shown && delta?.before === shown.data ? shown.extent : null;
  const extent =
    (known && change
      ? extentAfterChange(known, delta!.before, data, change.first, change.last)
      : known) ?? countedExtent(data);
  // The same map and range colour alike: keep the scale rather than build another.
  const last = shown?.scale;
  const same = last?.map === map && last.min === extent.min && last.max === extent.max;
  const scale = same ? last : colorScaleFor(data, map, [extent.min, extent.max]);
  // React's "storing information from previous renders": set while rendering.
  setShown({ data, extent, scale });
  return scale;
}

interface ChannelMapsProps {
  nodeId: string;
  layout: MapLayout;
  data: Float32Array;
  scale: TensorColorScale;
  maxCellPx: number | undefined;
  highlight: Uint8Array | undefined;
  changed: CellChange | undefined;
  delta: Delta | undefined;
  selected: CellPos | null;
  onSelect(pos: CellPos): void;
  onHover(cell: HeatmapCell | null): void;
}

function ChannelMaps({ layout, data, maxCellPx, selected, ...rest }: ChannelMapsProps) {
  const t = useT();
  const shown = Math.min(layout.channels, MAX_CHANNELS_SHOWN);
  const metrics = useMemo(
    () =>
      layout.small
        ? gridMetrics(layout, widestText(data, layout.channels, shown), maxCellPx)
        : null,
    [layout, data, shown, maxCellPx],
  );
  const maps = Array.from({ length: shown }, (_, channel) => {
    const common = { ...rest, layout, data, channel };
    const active = selected?.channel === channel ? selected : null;
    return (
      <figure className="hm-map" key={channel}>
        {layout.rank === 3 && (
          <figcaption className="hm-caption">{t('heatmap.channel', { c: channel })}</figcaption>
        )}
        {metrics ? (
          <ChannelGrid {...common} active={active} metrics={metrics} />
        ) : (
          <ChannelCanvas {...common} active={active} maxSide={canvasMaxSide(shown)} />
        )}
      </figure>
    );
  });
  return (
    <>
      <div className="hm-maps">{maps}</div>
      {shown < layout.channels && (
        <div className="hm-note">{t('heatmap.showing', { shown, total: layout.channels })}</div>
      )}
    </>
  );
}

/** Widest number, in em, that a shown cell will hold: all maps share one cell size. */
function widestText(data: Float32Array, channels: number, shown: number): number {
  let widest = 0;
  for (let i = 0; i < data.length; i++) {
    if (i % channels < shown) widest = Math.max(widest, textEm(formatValue(data[i])));
  }
  return widest;
}

function BusyBadge() {
  const t = useT();
  return (
    <span className="hm-busy-badge">
      <span className="hm-spinner" aria-hidden="true" />
      {t('heatmap.computing')}
    </span>
  );
}

/** `(row 2, col 1, ch 0) = 0.731`, or `(index 37) = 0.2` for a strip, in the UI's language. */
export function describeCell(
  layout: MapLayout,
  cell: HeatmapCell,
  t: ReturnType<typeof useT>,
): string {
  const where =
    layout.rank === 1
      ? t('heatmap.index', { i: cell.index })
      : t('heatmap.cell', { row: cell.row, col: cell.col, c: cell.channel });
  return `(${where}) = ${formatValueLong(cell.value)}`;
}
