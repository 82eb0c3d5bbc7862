/** `3×3×1`, as the slides write shapes. */
export function formatShape(shape: readonly number[]): string {
  return shape.join('×');
}

/** `1,234`: a parameter count (Keras's "Param #"), grouped by thousands. */
export function formatCount(count: number): string {
  return COUNT.format(count);
}

/** One formatter for every count: `toLocaleString` builds one per call. */
const COUNT = new Intl.NumberFormat('en-US');
