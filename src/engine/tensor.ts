/** A dense float32 tensor: flat, row-major, channels last (`[H, W, C]` or `[N]`). */
export interface Tensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

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

export function tensor(shape: readonly number[], data: Float32Array | readonly number[]): Tensor {
  return { shape: [...shape], data: data instanceof Float32Array ? data : Float32Array.from(data) };
}
