import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { useEffect, useMemo, useRef } from 'react';

/** One line of a chart: points (x, y), drawn in a CSS class's colour. */
export interface Series {
  name: string;
  points: readonly (readonly [number, number])[];
  className: string;
}

export interface LineChartProps {
  title: string;
  xLabel: string;
  series: readonly Series[];
  /** The y axis's domain; computed from the points when absent. */
  yDomain?: readonly [number, number];
  /** The x axis's domain; computed from the points when absent. */
  xDomain?: readonly [number, number];
  yFormat?: (v: number) => string;
  width?: number;
  height?: number;
}

const MARGIN = { top: 8, right: 10, bottom: 26, left: 40 };

/**
 * A small line chart drawn with d3 (d3-shape's line, d3-axis's axes on d3-scale's scales),
 * React owning the SVG. The axes are rendered by d3 into their groups after each change.
 */
export function LineChart({
  title,
  xLabel,
  series,
  yDomain,
  xDomain,
  yFormat,
  width = 300,
  height = 140,
}: LineChartProps) {
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const { x, y } = useMemo(() => {
    const all = series.flatMap((s) => s.points);
    const xs = xDomain ?? [
      Math.min(0, ...all.map((p) => p[0])),
      Math.max(1, ...all.map((p) => p[0])),
    ];
    const ys = yDomain ?? [0, all.length > 0 ? Math.max(1e-6, ...all.map((p) => p[1])) : 1];
    return {
      x: scaleLinear().domain(xs).range([0, innerW]),
      y: scaleLinear().domain(ys).nice().range([innerH, 0]),
    };
  }, [series, xDomain, yDomain, innerW, innerH]);
  useEffect(() => {
    // Whole numbers only, never more ticks than there are of them.
    const span = Math.max(1, Math.round(x.domain()[1]! - x.domain()[0]!));
    if (xAxis.current) select(xAxis.current).call(axisBottom(x).ticks(Math.min(5, span), 'd'));
    if (yAxis.current) {
      const axis = axisLeft(y).ticks(4);
      select(yAxis.current).call(yFormat ? axis.tickFormat((v) => yFormat(Number(v))) : axis);
    }
  }, [x, y, yFormat]);
  const path = line<readonly [number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  return (
    <figure className="tr-chart">
      <figcaption className="tr-chart-title">{title}</figcaption>
      <svg width={width} height={height} role="img" aria-label={title}>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          <g ref={yAxis} className="tr-axis" />
          <g ref={xAxis} className="tr-axis" transform={`translate(0,${innerH})`} />
          {series.map((s) =>
            s.points.length > 0 ? (
              <path key={s.name} className={`tr-line ${s.className}`} d={path(s.points) ?? ''} />
            ) : null,
          )}
          {series.map((s) =>
            // Few points (one per epoch): mark each, so a single one shows too.
            s.points.length <= 50
              ? s.points.map((p) => (
                  <circle
                    key={`${s.name}-${p[0]}`}
                    className={`tr-dot ${s.className}`}
                    cx={x(p[0])}
                    cy={y(p[1])}
                    r={3}
                  />
                ))
              : null,
          )}
          <text className="tr-axis-label" x={innerW} y={innerH + 24} textAnchor="end">
            {xLabel}
          </text>
        </g>
      </svg>
      <ul className="tr-legend">
        {series.map((s) => (
          <li key={s.name} className={s.className}>
            {s.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}
