/** A dense float32 tensor: flat, row-major, channels last (`[H, W, C]` or `[N]`). */
export interface Tensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/**
 * `source`'s values in `spare` when it has exactly their length (a node's previous output,
 * reused across edits), else in a new array.
 */
export function copyInto(source: ArrayLike<number>, spare?: Float32Array): Float32Array {
  if (spare?.length !== source.length)
    return source instanceof Float32Array ? source.slice() : Float32Array.from(source);
  spare.set(source);
  return spare;
}

export function tensor(shape: readonly number[], data: Float32Array | readonly number[]): Tensor {
  return { shape: [...shape], data: data instanceof Float32Array ? data : Float32Array.from(data) };
}
