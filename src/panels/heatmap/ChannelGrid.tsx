import { memo, useId, type CSSProperties } from 'react';
import { useT } from '../../i18n/useT.ts';
import { textColorOn, type TensorColorScale } from './color-scale.ts';
import { formatValue } from '../../ui/format-value.ts';
import { cellIndex, type MapLayout } from './map-layout.ts';
import { gridHandlers, type MapEventTarget } from './map-events.ts';
import type { GridMetrics } from './sizing.ts';
import { isChanged, type CellChange } from './change-outline.ts';
import type { Delta } from './useChangedCells.ts';

export interface ChannelMapProps extends MapEventTarget {
  nodeId: string;
  scale: TensorColorScale;
  /** Marked cells, indexed like `data` (a traced receptive field). */
  highlight?: Uint8Array;
  /** Cells the last recomputation changed: outlined for a moment. */
  changed?: CellChange;
  /** The values before the last recomputation, and what changed (canvas maps repaint that). */
  delta?: Delta;
}

/** Accessible name of one map: `"conv1 channel 0"`, or `"dense1 output"` for a strip. */
export function mapLabel(
  nodeId: string,
  layout: MapLayout,
  channel: number,
  t: ReturnType<typeof useT>,
): string {
  return layout.rank === 1
    ? t('heatmap.strip', { id: nodeId })
    : t('heatmap.map', { id: nodeId, c: channel });
}

/**
 * One small map as an ARIA grid with the numbers in its cells. The grid is one tab stop;
 * arrow keys move the selection (announced through `aria-activedescendant`).
 */
export const ChannelGrid = memo(function ChannelGrid(
  props: ChannelMapProps & { metrics: GridMetrics },
) {
  const { nodeId, layout, data, channel, active, metrics } = props;
  const baseId = useId();
  const t = useT();
  const cellId = (row: number, col: number) => `${baseId}-${row}-${col}`;

  return (
    <div
      role="grid"
      aria-label={mapLabel(nodeId, layout, channel, t)}
      aria-rowcount={layout.rows}
      aria-colcount={layout.cols}
      aria-activedescendant={active ? cellId(active.row, active.col) : undefined}
      tabIndex={0}
      className="hm-grid"
      style={metricsStyle(metrics)}
      {...gridHandlers(props)}
    >
      {Array.from({ length: layout.rows }, (_, row) => (
        <GridRow
          key={row}
          {...{ layout, data, channel, row, scale: props.scale, highlight: props.highlight }}
          changed={props.changed}
          selectedCol={active?.row === row ? active.col : null}
          idPrefix={`${baseId}-${row}`}
        />
      ))}
    </div>
  );
});

interface GridRowProps {
  layout: MapLayout;
  data: Float32Array;
  channel: number;
  row: number;
  scale: TensorColorScale;
  highlight: Uint8Array | undefined;
  changed: CellChange | undefined;
  selectedCol: number | null;
  /** Cells get ids `${idPrefix}-${col}`, matching the grid's aria-activedescendant. */
  idPrefix: string;
}

function GridRow(props: GridRowProps) {
  const { layout, data, channel, row, scale, highlight, changed, selectedCol, idPrefix } = props;
  return (
    <div role="row" className="hm-row">
      {rowCols(layout, row).map((col) => {
        const index = cellIndex(layout, { channel, row, col });
        const v = data[index];
        const rgb = scale.rgb(v);
        const selected = col === selectedCol;
        const classes = ['hm-cell'];
        if (highlight?.[index]) classes.push('hm-highlight');
        if (changed && isChanged(changed, index)) classes.push('hm-changed');
        if (selected) classes.push('hm-selected');
        return (
          <div
            role="gridcell"
            key={col}
            id={`${idPrefix}-${col}`}
            aria-selected={selected}
            className={classes.join(' ')}
            data-row={row}
            data-col={col}
            style={{ background: `rgb(${rgb.join(',')})`, color: textColorOn(rgb) }}
          >
            {formatValue(v)}
          </div>
        );
      })}
    </div>
  );
}

/** Cell and font sizes as CSS custom properties, read by heatmap.css. */
function metricsStyle(m: GridMetrics): CSSProperties {
  return {
    ['--hm-cell-w' as string]: `${m.cellW}px`,
    ['--hm-cell-h' as string]: `${m.cellH}px`,
    ['--hm-font' as string]: `${m.fontPx}px`,
  };
}

/** Column indices present in a row: all of them, except in a strip's short last row. */
function rowCols(layout: MapLayout, row: number): number[] {
  const n = Math.min(layout.cols, layout.count - row * layout.cols);
  return Array.from({ length: n }, (_, col) => col);
}
