/**
 * Dense along the last axis, as Keras applies it to any rank: each of the `rows` input
 * vectors of length `inUnits` is multiplied by the `[inUnits, units]` kernel.
 */
export function dense(
  x: Float32Array,
  w: Float32Array,
  bias: Float32Array | null,
  inUnits: number,
  units: number,
): Float32Array {
  const rows = x.length / inUnits;
  const out = new Float32Array(rows * units);
  const acc = new Float64Array(units);
  for (let r = 0; r < rows; r++) {
    acc.fill(0);
    for (let i = 0; i < inUnits; i++) {
      const v = x[r * inUnits + i];
      if (v === 0) continue;
      const wRow = i * units;
      for (let u = 0; u < units; u++) acc[u] += v * w[wRow + u];
    }
    const o = r * units;
    for (let u = 0; u < units; u++) out[o + u] = bias ? Math.fround(acc[u]) + bias[u] : acc[u];
  }
  return out;
}
