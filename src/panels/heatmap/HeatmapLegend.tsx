import { useT } from '../../i18n/useT.ts';
import type { TensorColorScale } from './color-scale.ts';
import { formatValue } from '../../ui/format-value.ts';

const STOPS = 9;

/** The colour ramp over the data's range, with its minimum and maximum written at the ends. */
export function HeatmapLegend({ scale }: { scale: TensorColorScale }) {
  const t = useT();
  const { min, max, kind } = scale;
  const stops = Array.from({ length: STOPS }, (_, i) => {
    const t = i / (STOPS - 1);
    return `${scale.color(min + t * (max - min))} ${Math.round(t * 100)}%`;
  });
  const zeroAt = min < 0 && max > 0 ? (-min / (max - min)) * 100 : null;
  return (
    <div className="hm-legend" data-scale={kind}>
      <span className="hm-sr-only">{kind} colour scale from </span>
      <span className="hm-legend-min">{formatValue(min)}</span>
      <span
        className="hm-legend-ramp"
        aria-hidden="true"
        title={t(kind === 'diverging' ? 'heatmap.diverging' : 'heatmap.sequential')}
        style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }}
      >
        {zeroAt !== null && <span className="hm-legend-zero" style={{ left: `${zeroAt}%` }} />}
      </span>
      <span className="hm-sr-only"> to </span>
      <span className="hm-legend-max">{formatValue(max)}</span>
    </div>
  );
}
