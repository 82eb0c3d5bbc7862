/** A point on a drawing, in pixels: (0, 0) is the top-left corner of the top-left pixel. */
export interface PadPoint {
  x: number;
  y: number;
}

export interface BrushOptions {
  /** Diameter in pixels. */
  size: number;
  /** Value of full ink (1 or 255); ignored when erasing. */
  ink: number;
  erase: boolean;
}

/**
 * Share of the pixel whose centre is `dist` from a round brush tip of `radius` that the tip
 * covers, approximated by a one-pixel ramp at the rim: soft edges without supersampling.
 */
function coverage(dist: number, radius: number): number {
  return Math.min(1, Math.max(0, radius + 0.5 - dist));
}

function distanceToSegment(px: number, py: number, a: PadPoint, b: PadPoint): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((px - a.x) * dx + (py - a.y) * dy) / len2));
  return Math.hypot(px - (a.x + t * dx), py - (a.y + t * dy));
}

/**
 * Paint the segment `a`→`b` (a dot when they coincide) into a `[height, width, channels]`
 * tensor's data, in place, every channel alike. Ink keeps the brighter of old and new, so a
 * stroke crossing itself does not get darker at its edges; the eraser fades towards 0.
 * Returns whether anything changed.
 * @example paintSegment(data, 28, 28, 1, { x: 5, y: 5 }, { x: 20, y: 20 }, { size: 2, ink: 1, erase: false })
 */
export function paintSegment(
  data: Float32Array | number[],
  height: number,
  width: number,
  channels: number,
  a: PadPoint,
  b: PadPoint,
  brush: BrushOptions,
): boolean {
  const r = brush.size / 2;
  const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - r - 1));
  const x1 = Math.min(width - 1, Math.ceil(Math.max(a.x, b.x) + r + 1));
  const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - r - 1));
  const y1 = Math.min(height - 1, Math.ceil(Math.max(a.y, b.y) + r + 1));
  let changed = false;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const cover = coverage(distanceToSegment(x + 0.5, y + 0.5, a, b), r);
      if (cover === 0) continue;
      for (let c = 0; c < channels; c++) {
        const i = (y * width + x) * channels + c;
        const old = data[i]!;
        const next = brush.erase ? old * (1 - cover) : Math.max(old, cover * brush.ink);
        if (next !== old) {
          data[i] = next;
          changed = true;
        }
      }
    }
  }
  return changed;
}

/** Paint a polyline (a stroke's points in order) with {@link paintSegment}. */
export function paintStroke(
  data: Float32Array | number[],
  height: number,
  width: number,
  channels: number,
  points: readonly PadPoint[],
  brush: BrushOptions,
): boolean {
  let changed = false;
  for (let i = 0; i < points.length; i++) {
    const a = points[Math.max(0, i - 1)]!;
    changed = paintSegment(data, height, width, channels, a, points[i]!, brush) || changed;
  }
  return changed;
}

/** The ink value suiting a tensor: 255 when it already holds values above 1, else 1. */
export function inkFor(data: readonly number[] | Float32Array): number {
  for (const v of data) if (v > 1) return 255;
  return 1;
}
