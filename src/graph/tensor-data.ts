/**
 * Tensor data inside convflow is a `Float32Array`. JSON numbers become one at the trust
 * boundary (a file, a link, the CLI, the worker's `load`, a picture), where every value is
 * checked once; the arrays that passed are remembered here, so an edit that carries them
 * along (every edit that does not replace the tensor) never walks their values again.
 *
 * A document's arrays are never written in place: an edit that changes cells makes a new
 * array (see `withNodeCells` in cell-edits.ts), so the undo history and the weight caches, which hold
 * arrays by identity, stay true.
 */
const checked = new WeakSet<Float32Array>();

/** The one message for tensor data that is not all finite float32 numbers. */
export const NON_FINITE = 'expected an array of finite numbers (float32: magnitude at most 3.4e38)';

/**
 * The values as a checked `Float32Array`, or where they fail (`index`, absent when the value
 * is no array at all). An array that passed before is returned as it is, without a look at
 * its values.
 * @example toTensorData([1, 2.5]) // { ok: true, value: Float32Array [1, 2.5] }
 */
export function toTensorData(
  value: unknown,
): { ok: true; value: Float32Array } | { ok: false; index?: number } {
  if (value instanceof Float32Array) {
    if (checked.has(value)) return { ok: true, value };
    for (let i = 0; i < value.length; i++)
      if (!Number.isFinite(value[i])) return { ok: false, index: i };
    checked.add(value);
    return { ok: true, value };
  }
  if (!Array.isArray(value)) return { ok: false };
  const out = new Float32Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    if (typeof v !== 'number' || !Number.isFinite(Math.fround(v))) return { ok: false, index: i };
    out[i] = v;
  }
  checked.add(out);
  return { ok: true, value: out };
}

/**
 * Mark an array the engine made itself (finite by construction, e.g. resolved weights) as
 * checked, so a document may carry it without a walk. Returns it.
 */
export function adoptTensorData(data: Float32Array): Float32Array {
  checked.add(data);
  return data;
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * The shortest decimal that reads back as the same float32, as a JS number: 0.1 stays
 * `0.1` in a file or a link, not `0.10000000149011612`. Nine significant digits suffice for
 * any float32; the fewest that do are found by bisection (fewer digits never read back when
 * more do not).
 */
export function float32Json(v: number): number {
  // Whole numbers below 2^24 are written as they are; larger ones are whole too, but long.
  if ((Number.isInteger(v) && Math.abs(v) < 16_777_216) || !Number.isFinite(v)) return v;
  const exponent = Math.floor(Math.log10(Math.abs(v)));
  let best = Number(v.toPrecision(9));
  for (let lo = 1, hi = 8; lo <= hi;) {
    const digits = (lo + hi) >> 1;
    const candidate = withDigits(v, exponent, digits);
    if (Math.fround(candidate) === v) {
      best = candidate;
      hi = digits - 1;
    } else lo = digits + 1;
  }
  return best;
}

/**
 * `v` rounded to `digits` significant digits. With 10^k exact (k ≤ 22), the division or
 * product is correctly rounded, so it gives the very number the decimal's text would parse to.
 */
function withDigits(v: number, exponent: number, digits: number): number {
  const k = digits - 1 - exponent;
  if (k >= 0 && k <= 22) return Math.round(v * POWERS_OF_TEN[k]!) / POWERS_OF_TEN[k]!;
  if (k < 0 && k >= -22) return Math.round(v / POWERS_OF_TEN[-k]!) * POWERS_OF_TEN[-k]!;
  return Number(v.toPrecision(digits));
}

/** A tensor's values as JSON numbers (see `float32Json`). */
function tensorDataJson(data: ArrayLike<number>): number[] {
  const out = new Array<number>(data.length);
  for (let i = 0; i < data.length; i++) out[i] = float32Json(data[i]);
  return out;
}

/**
 * A value with every typed array replaced by a plain array of JSON numbers: what a document
 * looks like in a file or a link. Objects and arrays are copied; other values kept.
 * @example JSON.stringify(toJsonValue(doc))
 */
export function toJsonValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value)) return tensorDataJson(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(toJsonValue);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJsonValue(v);
  return out;
}

/** `JSON.stringify` of a document (or any value holding tensors), typed arrays as numbers. */
export function stringifyDocument(value: unknown): string {
  return JSON.stringify(toJsonValue(value));
}

/**
 * A document checked by `parseGraph` in another thread (a worker) and moved here: its arrays
 * are new objects to this thread, but their values were checked where they entered. Marks
 * them checked, so this thread's first edit does not walk millions of values again. Only
 * for documents from convflow's own workers, never for data from outside.
 */
export function adoptCheckedDocument<T extends { nodes: readonly { params?: object }[] }>(
  doc: T,
): T {
  for (const node of doc.nodes)
    for (const value of Object.values(node.params ?? {})) {
      const data = (value as { data?: unknown } | null)?.data;
      if (data instanceof Float32Array) adoptTensorData(data);
    }
  return doc;
}
