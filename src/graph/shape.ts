/** Number of elements of a shape. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** `3×3×1`, as the UI and messages write shapes. */
export function formatShape(shape: readonly number[]): string {
  return shape.join('×');
}
