/**
 * A value as a cell shows it, short like the lecture slides: integers as `3`, otherwise two
 * significant digits (`0.25`, `-1.3`, `0.013`), one decimal from 10, none from 100, and
 * exponent notation for the very small and very large.
 *
 * @example
 * formatValue(0.0125); // '0.013'
 */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 1e4) return trimExponent(v.toExponential(1));
  if (Number.isInteger(v)) return String(v);
  if (a < 1e-3) return trimExponent(v.toExponential(0));
  if (a >= 100) return String(Math.round(v));
  // Number() drops trailing zeros: 2.9999998 → '3.0' → 3.
  if (a >= 10) return String(Number(v.toFixed(1)));
  return String(Number(v.toPrecision(2)));
}

/** A value for the hover readout: up to four significant digits. */
export function formatValueLong(v: number): string {
  if (!Number.isFinite(v) || Number.isInteger(v)) return formatValue(v);
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) return trimExponent(v.toExponential(3));
  return String(Number(v.toPrecision(4)));
}

/** `1.0e+4` → `1e4`, `-2.5e-5` stays readable as `-2.5e-5`. */
function trimExponent(s: string): string {
  return s.replace(/\.?0+e/, 'e').replace('e+', 'e');
}
