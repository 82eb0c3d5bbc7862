// Convolution as an implicit GEMM: output pixels are the rows, filters the columns, and the
// (ky, kx, c) window of each pixel the shared dimension. The input is zero-padded by the
// caller, so every window lies inside it and the loops have no bounds checks. For one `ky`,
// the `kx` and `c` of a window are contiguous in the channels-last input (a run of kw·inC
// floats), as they are in the packed kernel: the inner loop is a plain dot-product run.
// A 1×1 "convolution" over an [M, K] matrix is an ordinary GEMM (Dense on rank 3, im2col).
//
// Kernel panels: filters in groups of 8, each panel [kh·kw·inC][8] floats, zero-padded past
// `filters`; the bias padded the same way. Accumulation is float32 (the TS kernels use
// float64), so results differ from them by rounding: compare with a tolerance.

/**
 * Output pixels per register tile: 4 pixels × 8 filters = 8 f32x4 accumulators, the inner
 * loop one k at a time. Measured in V8 (Node 20) on Zen 3, this runs at 50–56 GFLOP/s where
 * 6×8 tiles, 5×8 tiles or k unrolled by 2–4 reach only 20–33: with more live vectors or
 * pointers, TurboFan's register allocator starts spilling accumulators in the inner loop.
 */
const MR = 4;
@inline function madd(acc: v128, a: v128, b: v128): v128 {
  return f32x4.add(acc, f32x4.mul(a, b));
}

/**
 * out[p, f] = act(bias[f] + Σ window(p) · kernel[·, f]) for p < outH·outW, f < filters.
 * `bases` is scratch for `chunk` + MR i32 pixel offsets; `tmp` for 32 bytes.
 */
export function conv(
  xp: usize,
  rowStride: i32,
  pixStride: i32,
  rowStep: i32,
  kh: i32,
  span: i32,
  outH: i32,
  outW: i32,
  w: usize,
  bias: usize,
  filters: i32,
  out: usize,
  relu: i32,
  bases: usize,
  chunk: i32,
  tmp: usize,
): void {
  const pixels = outH * outW;
  const panels = (filters + 7) >> 3;
  const panelBytes = kh * span * 32;
  let oy = 0;
  let ox = 0;
  for (let p0 = 0; p0 < pixels; p0 += chunk) {
    const n = min(chunk, pixels - p0);
    // Window origins of this chunk's pixels; the last repeats so a partial tile stays in bounds.
    let last: usize = 0;
    for (let i = 0; i < n; i++) {
      last = xp + <usize>(oy * rowStep + ox * pixStride);
      store<u32>(bases + (<usize>i << 2), <u32>last);
      if (++ox == outW) {
        ox = 0;
        oy++;
      }
    }
    for (let i = n; i < n + MR; i++) store<u32>(bases + (<usize>i << 2), <u32>last);
    for (let j = 0; j < panels; j++) {
      const cols = min(8, filters - (j << 3));
      const wp = w + <usize>(j * panelBytes);
      const bp = bias + (<usize>j << 5);
      for (let i = 0; i < n; i += MR) {
        const o = out + (<usize>((p0 + i) * filters + (j << 3)) << 2);
        tile(bases + (<usize>i << 2), min(MR, n - i), kh, span, rowStride, wp, bp, o, filters << 2, cols, relu, tmp);
      }
    }
  }
}

/** One MR × 8 tile: `rows` valid pixels, `cols` valid filters, rows of `ldo` bytes. */
@inline function tile(
  bases: usize,
  rows: i32,
  kh: i32,
  span: i32,
  rowStride: i32,
  wp: usize,
  bp: usize,
  o: usize,
  ldo: i32,
  cols: i32,
  relu: i32,
  tmp: usize,
): void {
  const b0 = v128.load(bp);
  const b1 = v128.load(bp, 16);
  let c00 = b0, c01 = b1, c10 = b0, c11 = b1, c20 = b0, c21 = b1, c30 = b0, c31 = b1;
  let row: usize = 0;
  let k = wp;
  for (let ky = 0; ky < kh; ky++) {
    let a0 = <usize>load<u32>(bases) + row;
    let a1 = <usize>load<u32>(bases, 4) + row;
    let a2 = <usize>load<u32>(bases, 8) + row;
    let a3 = <usize>load<u32>(bases, 12) + row;
    for (let left = span; left > 0; left--) {
      const w0 = v128.load(k);
      const w1 = v128.load(k, 16);
      let v = v128.load32_splat(a0);
      c00 = madd(c00, v, w0);
      c01 = madd(c01, v, w1);
      v = v128.load32_splat(a1);
      c10 = madd(c10, v, w0);
      c11 = madd(c11, v, w1);
      v = v128.load32_splat(a2);
      c20 = madd(c20, v, w0);
      c21 = madd(c21, v, w1);
      v = v128.load32_splat(a3);
      c30 = madd(c30, v, w0);
      c31 = madd(c31, v, w1);
      a0 += 4;
      a1 += 4;
      a2 += 4;
      a3 += 4;
      k += 32;
    }
    row += <usize>rowStride;
  }
  if (relu) {
    const z = f32x4.splat(0);
    c00 = f32x4.pmax(c00, z);
    c01 = f32x4.pmax(c01, z);
    c10 = f32x4.pmax(c10, z);
    c11 = f32x4.pmax(c11, z);
    c20 = f32x4.pmax(c20, z);
    c21 = f32x4.pmax(c21, z);
    c30 = f32x4.pmax(c30, z);
    c31 = f32x4.pmax(c31, z);
  }
  const step = <usize>ldo;
  storeRow(o, c00, c01, cols, tmp);
  if (rows > 1) storeRow(o + step, c10, c11, cols, tmp);
  if (rows > 2) storeRow(o + 2 * step, c20, c21, cols, tmp);
  if (rows > 3) storeRow(o + 3 * step, c30, c31, cols, tmp);
}

/** Store the first `cols` of the 8 lanes in (lo, hi). */
@inline export function storeRow(o: usize, lo: v128, hi: v128, cols: i32, tmp: usize): void {
  if (cols == 8) {
    v128.store(o, lo);
    v128.store(o, hi, 16);
  } else {
    v128.store(tmp, lo);
    v128.store(tmp, hi, 16);
    for (let c = 0; c < cols; c++) store<f32>(o + (<usize>c << 2), load<f32>(tmp + (<usize>c << 2)));
  }
}
