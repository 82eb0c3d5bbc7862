import type { ParseResult } from './parse.ts';

/** A decoded weight: its shape and values as plain numbers (what a graph document holds). */
export interface WeightValue {
  shape: number[];
  data: number[];
}

/**
 * The `.bin` files of a weights manifest: by path as the manifest names them
 * (`{ 'group1-shard1of1.bin': buffer }`), or as a list in manifest order.
 */
export type WeightBuffers = Readonly<Record<string, ArrayBuffer>> | readonly ArrayBuffer[];

interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; scale?: number; min?: number };
}
interface WeightGroup {
  paths: string[];
  weights: WeightSpec[];
}

const BYTES: Record<string, number> = { float32: 4, uint8: 1, uint16: 2, float16: 2 };

/**
 * Every weight of a tfjs `weightsManifest`, by name (`conv/kernel`), decoded from the
 * buffers: float32, or quantized uint8 / uint16 (affine) and float16. Each group's shards
 * are concatenated in order, as tfjs writes them.
 */
export function decodeWeights(
  manifest: unknown,
  buffers: WeightBuffers,
): ParseResult<Map<string, WeightValue>> {
  if (!isManifest(manifest))
    return { ok: false, error: 'model.json: weightsManifest is missing or malformed' };
  const out = new Map<string, WeightValue>();
  let next = 0;
  for (const [g, group] of manifest.entries()) {
    const shards: ArrayBuffer[] = [];
    for (const path of group.paths) {
      const buffer = Array.isArray(buffers)
        ? (buffers as readonly ArrayBuffer[])[next++]
        : (buffers as Record<string, ArrayBuffer>)[path];
      if (buffer === undefined) return { ok: false, error: `weights: no buffer for "${path}"` };
      shards.push(buffer);
    }
    const view = new DataView(concat(shards));
    const decoded = decodeGroup(group.weights, view, `weight group ${g + 1}`, out);
    if (!decoded.ok) return decoded;
  }
  return { ok: true, value: out };
}

function decodeGroup(
  specs: readonly WeightSpec[],
  view: DataView,
  where: string,
  out: Map<string, WeightValue>,
): ParseResult<null> {
  let offset = 0;
  for (const spec of specs) {
    const stored = spec.quantization?.dtype ?? spec.dtype;
    const bytes = BYTES[stored];
    if (bytes === undefined || (spec.dtype !== 'float32' && !spec.quantization))
      return { ok: false, error: `weight "${spec.name}": dtype ${stored} is not supported` };
    const size = spec.shape.reduce((a, b) => a * b, 1);
    if (offset + size * bytes > view.byteLength)
      return {
        ok: false,
        error: `${where}: its files hold ${view.byteLength} bytes, fewer than the manifest describes`,
      };
    const data = new Array<number>(size);
    for (let i = 0; i < size; i++) data[i] = readValue(view, offset + i * bytes, spec);
    out.set(spec.name, { shape: [...spec.shape], data });
    offset += size * bytes;
  }
  return { ok: true, value: null };
}

function readValue(view: DataView, at: number, spec: WeightSpec): number {
  const q = spec.quantization;
  if (!q) return view.getFloat32(at, true);
  if (q.dtype === 'float16') return float16(view.getUint16(at, true));
  const v = q.dtype === 'uint8' ? view.getUint8(at) : view.getUint16(at, true);
  return Math.fround(v * (q.scale ?? 1) + (q.min ?? 0));
}

/** IEEE 754 half precision to a number. */
function float16(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

function concat(buffers: readonly ArrayBuffer[]): ArrayBuffer {
  if (buffers.length === 1) return buffers[0]!;
  const total = buffers.reduce((n, b) => n + b.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const b of buffers) {
    out.set(new Uint8Array(b), at);
    at += b.byteLength;
  }
  return out.buffer;
}

function isManifest(v: unknown): v is WeightGroup[] {
  return (
    Array.isArray(v) &&
    v.every(
      (g) =>
        typeof g === 'object' &&
        g !== null &&
        Array.isArray(g.paths) &&
        g.paths.every((p: unknown) => typeof p === 'string') &&
        Array.isArray(g.weights) &&
        g.weights.every(isWeightSpec),
    )
  );
}

function isWeightSpec(w: unknown): w is WeightSpec {
  if (typeof w !== 'object' || w === null) return false;
  const s = w as Partial<WeightSpec>;
  return (
    typeof s.name === 'string' &&
    typeof s.dtype === 'string' &&
    Array.isArray(s.shape) &&
    s.shape.every((n) => Number.isInteger(n) && n >= 0)
  );
}
