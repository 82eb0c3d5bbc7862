/**
 * An exponential moving average of `values`, debiased as TensorBoard's smoothing is, so the
 * first points are not pulled towards zero; `weight` 0 keeps the values as they are.
 */
export function smoothed(values: readonly number[], weight = 0.9): number[] {
  let last = 0;
  let debias = 1;
  return values.map((v) => {
    last = last * weight + (1 - weight) * v;
    debias *= weight;
    return last / (1 - debias);
  });
}

/** At most `max` points of a long series, evenly spaced (a chart has only so many pixels). */
export function thinned<T>(points: readonly T[], max = 400): T[] {
  if (points.length <= max) return [...points];
  const step = points.length / max;
  return Array.from({ length: max }, (_, i) => points[Math.floor(i * step)]!);
}
