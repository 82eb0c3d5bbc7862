/** A duration in the unit that suits it, three significant digits. */
export function time(ms: number | undefined): string {
  if (ms === undefined) return 'n/a';
  // 0.9996 ms is "1.00 ms", not "1.00e+3 µs": the unit follows the value as printed.
  if (ms < 0.9995) return `${(ms * 1000).toPrecision(3)} µs`;
  if (ms < 999.5) return `${ms.toPrecision(3)} ms`;
  return `${(ms / 1000).toPrecision(3)} s`;
}

export function geomean(xs: number[]): number {
  return Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
}
