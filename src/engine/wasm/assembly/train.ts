// Kernels only training needs: the weight gradient as a GEMM with the shared dimension
// running down both operands (C = Aᵀ·B), and the window copies that turn a convolution's
// input into rows (im2col) and its per-window gradients back into an input gradient (col2im).
// The forward GEMM (conv.ts) serves the input gradient too, with the kernel transposed.
import { storeRow } from './conv';

@inline function madd(acc: v128, a: v128, b: v128): v128 {
  return f32x4.add(acc, f32x4.mul(a, b));
}

/**
 * c[k, n] (+)= Σ_p a[p, k] · b[p, n] for k < rows, n < cols; `accumulate` adds to c.
 * Leading dimensions in floats. Tiles of 4 k × 8 n (8 f32x4 accumulators, as conv.ts);
 * the lanes past `rows`/`cols` of a partial tile read neighbouring floats (the caller leaves
 * 32 bytes of slack after each operand) and are never stored.
 */
export function gemmTN(
  a: usize,
  lda: i32,
  b: usize,
  ldb: i32,
  c: usize,
  ldc: i32,
  rows: i32,
  cols: i32,
  depth: i32,
  accumulate: i32,
  tmp: usize,
): void {
  const strideA = <usize>lda << 2;
  const strideB = <usize>ldb << 2;
  for (let n0 = 0; n0 < cols; n0 += 8) {
    const nc = min(8, cols - n0);
    for (let k0 = 0; k0 < rows; k0 += 4) {
      const kr = min(4, rows - k0);
      const z = f32x4.splat(0);
      let c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
      let pa = a + (<usize>k0 << 2);
      let pb = b + (<usize>n0 << 2);
      for (let p = 0; p < depth; p++) {
        const b0 = v128.load(pb);
        const b1 = v128.load(pb, 16);
        let v = v128.load32_splat(pa);
        c00 = madd(c00, v, b0);
        c01 = madd(c01, v, b1);
        v = v128.load32_splat(pa, 4);
        c10 = madd(c10, v, b0);
        c11 = madd(c11, v, b1);
        v = v128.load32_splat(pa, 8);
        c20 = madd(c20, v, b0);
        c21 = madd(c21, v, b1);
        v = v128.load32_splat(pa, 12);
        c30 = madd(c30, v, b0);
        c31 = madd(c31, v, b1);
        pa += strideA;
        pb += strideB;
      }
      const o = c + (<usize>(k0 * ldc + n0) << 2);
      const step = <usize>ldc << 2;
      storeTile(o, c00, c01, nc, accumulate, tmp);
      if (kr > 1) storeTile(o + step, c10, c11, nc, accumulate, tmp);
      if (kr > 2) storeTile(o + 2 * step, c20, c21, nc, accumulate, tmp);
      if (kr > 3) storeTile(o + 3 * step, c30, c31, nc, accumulate, tmp);
    }
  }
}

@inline function storeTile(o: usize, lo: v128, hi: v128, cols: i32, accumulate: i32, tmp: usize): void {
  if (accumulate) {
    if (cols == 8) {
      v128.store(o, f32x4.add(v128.load(o), lo));
      v128.store(o, f32x4.add(v128.load(o, 16), hi), 16);
      return;
    }
    v128.store(tmp, lo);
    v128.store(tmp, hi, 16);
    for (let i = 0; i < cols; i++) {
      const at = o + (<usize>i << 2);
      store<f32>(at, load<f32>(at) + load<f32>(tmp + (<usize>i << 2)));
    }
    return;
  }
  storeRow(o, lo, hi, cols, tmp);
}

/**
 * The windows of a zero-padded input as rows: row p (output pixel p, row-major over
 * outH × outW) is the window's kh runs of `span` floats (kw·inC), one after another.
 * Geometry as conv.ts: `rowStride` bytes per padded input row, windows `pixStride` bytes
 * apart along a row and `rowStep` bytes apart between output rows.
 */
export function im2col(
  xp: usize,
  rowStride: i32,
  pixStride: i32,
  rowStep: i32,
  kh: i32,
  span: i32,
  outH: i32,
  outW: i32,
  dst: usize,
): void {
  const run = <usize>span << 2;
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      let src = xp + <usize>(oy * rowStep + ox * pixStride);
      for (let ky = 0; ky < kh; ky++) {
        // Runs are short (kw·inC floats): copy by vectors, letting the last one spill past the
        // run into the next, which the next run then overwrites (the caller leaves slack).
        for (let i: usize = 0; i < run; i += 16) v128.store(dst + i, v128.load(src + i));
        dst += run;
        src += <usize>rowStride;
      }
    }
  }
}

/** The inverse of im2col, summing: each row's runs are added into the padded input gradient. */
export function col2im(
  src: usize,
  xp: usize,
  rowStride: i32,
  pixStride: i32,
  rowStep: i32,
  kh: i32,
  span: i32,
  outH: i32,
  outW: i32,
): void {
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      let dst = xp + <usize>(oy * rowStep + ox * pixStride);
      for (let ky = 0; ky < kh; ky++) {
        let i = 0;
        for (; i + 4 <= span; i += 4) {
          const at = dst + (<usize>i << 2);
          v128.store(at, f32x4.add(v128.load(at), v128.load(src + (<usize>i << 2))));
        }
        for (; i < span; i++) {
          const at = dst + (<usize>i << 2);
          store<f32>(at, load<f32>(at) + load<f32>(src + (<usize>i << 2)));
        }
        src += <usize>span << 2;
        dst += <usize>rowStride;
      }
    }
  }
}

/**
 * MaxPooling2D over one [inH, inW, inC] sample, remembering each output's source: `arg[o]`
 * is `argBase` + the float index (from `x`) of the first maximum in row-major window order,
 * as TF picks. Windows are clipped to the input (`same` padding cells are never candidates).
 * Four channels at a time: a strictly greater value replaces the best, so the first stays.
 */
export function maxPoolArg(
  x: usize,
  inH: i32,
  inW: i32,
  inC: i32,
  kh: i32,
  kw: i32,
  sh: i32,
  sw: i32,
  outH: i32,
  outW: i32,
  padTop: i32,
  padLeft: i32,
  out: usize,
  arg: usize,
  argBase: i32,
): void {
  let o: usize = 0;
  const lanes = i32x4(0, 1, 2, 3);
  for (let oy = 0; oy < outH; oy++) {
    const y0 = max(oy * sh - padTop, 0);
    const y1 = min(oy * sh - padTop + kh, inH);
    for (let ox = 0; ox < outW; ox++) {
      const x0 = max(ox * sw - padLeft, 0);
      const x1 = min(ox * sw - padLeft + kw, inW);
      let c = 0;
      for (; c + 4 <= inC; c += 4) {
        const first = (y0 * inW + x0) * inC + c;
        let best = v128.load(x + (<usize>first << 2));
        let bestAt = i32x4.add(i32x4.splat(first + argBase), lanes);
        for (let iy = y0; iy < y1; iy++) {
          for (let ix = x0; ix < x1; ix++) {
            const i = (iy * inW + ix) * inC + c;
            const v = v128.load(x + (<usize>i << 2));
            const gt = f32x4.gt(v, best);
            best = v128.bitselect(v, best, gt);
            bestAt = v128.bitselect(i32x4.add(i32x4.splat(i + argBase), lanes), bestAt, gt);
          }
        }
        v128.store(out + (o << 2), best);
        v128.store(arg + (o << 2), bestAt);
        o += 4;
      }
      for (; c < inC; c++) {
        let at = (y0 * inW + x0) * inC + c;
        let best = load<f32>(x + (<usize>at << 2));
        for (let iy = y0; iy < y1; iy++) {
          for (let ix = x0; ix < x1; ix++) {
            const i = (iy * inW + ix) * inC + c;
            const v = load<f32>(x + (<usize>i << 2));
            if (v > best) {
              best = v;
              at = i;
            }
          }
        }
        store<f32>(out + (o << 2), best);
        store<i32>(arg + (o << 2), at + argBase);
        o++;
      }
    }
  }
}

/** dy[i] = 0 where y[i] ≤ 0 (relu's gradient, from its output), for `count` floats. */
export function reluBackward(y: usize, dy: usize, count: i32): void {
  const z = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const o = <usize>i << 2;
    const keep = f32x4.gt(v128.load(y + o), z);
    v128.store(dy + o, v128.and(v128.load(dy + o), keep));
  }
  for (; i < count; i++) {
    const o = <usize>i << 2;
    if (!(load<f32>(y + o) > 0)) store<f32>(dy + o, 0);
  }
}

/** g[u] = Σ_r dz[r, u] over `rows` rows of `units` floats (the bias gradient). */
export function columnSums(dz: usize, rows: i32, units: i32, g: usize): void {
  memory.fill(g, 0, <usize>units << 2);
  const rowBytes = <usize>units << 2;
  let u = 0;
  for (; u + 4 <= units; u += 4) {
    let acc = f32x4.splat(0);
    let p = dz + (<usize>u << 2);
    for (let r = 0; r < rows; r++) {
      acc = f32x4.add(acc, v128.load(p));
      p += rowBytes;
    }
    v128.store(g + (<usize>u << 2), acc);
  }
  for (; u < units; u++) {
    let acc: f32 = 0;
    let p = dz + (<usize>u << 2);
    for (let r = 0; r < rows; r++) {
      acc += load<f32>(p);
      p += rowBytes;
    }
    store<f32>(g + (<usize>u << 2), acc);
  }
}

/** dx = 0 (its first `inCount` floats), then dx[arg[o]] += dy[o] for o < count. */
export function scatterAdd(dy: usize, arg: usize, count: i32, dx: usize, inCount: i32): void {
  memory.fill(dx, 0, <usize>inCount << 2);
  for (let o = 0; o < count; o++) {
    const at = dx + (<usize>load<i32>(arg + (<usize>o << 2)) << 2);
    store<f32>(at, load<f32>(at) + load<f32>(dy + (<usize>o << 2)));
  }
}
