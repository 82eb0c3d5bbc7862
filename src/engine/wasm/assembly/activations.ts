// Activations in place over n floats, four lanes at a time. exp is Cephes' expf (degree-5
// polynomial after range reduction by ln 2), within 2 ulp of the float64 Math.exp the TS
// kernels use, rounded; tanh uses Cephes' odd polynomial near 0 to avoid cancellation.

const ZERO = f32x4.splat(0);
const ONE = f32x4.splat(1);

export function relu(p: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4, p += 16) v128.store(p, f32x4.pmax(v128.load(p), ZERO));
  for (; i < n; i++, p += 4) {
    const v = load<f32>(p);
    if (v < 0) store<f32>(p, 0);
  }
}

export function sigmoid(p: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4, p += 16) {
    const e = expf4(f32x4.neg(v128.load(p)));
    v128.store(p, f32x4.div(ONE, f32x4.add(ONE, e)));
  }
  for (; i < n; i++, p += 4) {
    const e = f32x4.extract_lane(expf4(f32x4.splat(-load<f32>(p))), 0);
    store<f32>(p, 1 / (1 + e));
  }
}

export function tanh(p: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4, p += 16) v128.store(p, tanh4(v128.load(p)));
  for (; i < n; i++, p += 4) store<f32>(p, f32x4.extract_lane(tanh4(f32x4.splat(load<f32>(p))), 0));
}

/** Softmax over each run of `lastDim` floats. */
export function softmax(p: usize, n: i32, lastDim: i32): void {
  for (let start = 0; start < n; start += lastDim) {
    const row = p + (<usize>start << 2);
    let best: f32 = -Infinity;
    for (let i = 0; i < lastDim; i++) {
      const v = load<f32>(row + (<usize>i << 2));
      if (v > best) best = v;
    }
    const m = f32x4.splat(best);
    let sum: f32 = 0;
    let i = 0;
    let q = row;
    for (; i + 4 <= lastDim; i += 4, q += 16) {
      const e = expf4(f32x4.sub(v128.load(q), m));
      v128.store(q, e);
      sum += f32x4.extract_lane(e, 0) + f32x4.extract_lane(e, 1) + f32x4.extract_lane(e, 2) + f32x4.extract_lane(e, 3);
    }
    for (; i < lastDim; i++, q += 4) {
      const e = f32x4.extract_lane(expf4(f32x4.splat(load<f32>(q) - best)), 0);
      store<f32>(q, e);
      sum += e;
    }
    const s = f32x4.splat(sum);
    i = 0;
    q = row;
    for (; i + 4 <= lastDim; i += 4, q += 16) v128.store(q, f32x4.div(v128.load(q), s));
    for (; i < lastDim; i++, q += 4) store<f32>(q, load<f32>(q) / sum);
  }
}

@inline function poly(x: v128, c: f32, d: f32): v128 {
  return f32x4.add(f32x4.mul(x, f32x4.splat(c)), f32x4.splat(d));
}

/** e^x per lane; saturates to 2^±126-ish outside ±87.3, NaN stays NaN. */
@inline function expf4(v: v128): v128 {
  let x = f32x4.pmin(f32x4.pmax(v, f32x4.splat(-87.33)), f32x4.splat(88.37));
  const fx = f32x4.floor(f32x4.add(f32x4.mul(x, f32x4.splat(1.44269504088896341)), f32x4.splat(0.5)));
  x = f32x4.sub(x, f32x4.mul(fx, f32x4.splat(0.693359375)));
  x = f32x4.sub(x, f32x4.mul(fx, f32x4.splat(-2.12194440e-4)));
  const z = f32x4.mul(x, x);
  let y = poly(x, 1.9875691500e-4, 1.3981999507e-3);
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(8.3334519073e-3));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(4.1665795894e-2));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(1.6666665459e-1));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(5.0000001201e-1));
  y = f32x4.add(f32x4.add(f32x4.mul(y, z), x), ONE);
  // Scale by 2^fx in two halves, so fx = 128 (x near 88.7) does not overflow the exponent.
  const n = i32x4.trunc_sat_f32x4_s(fx);
  const half = i32x4.shr_s(n, 1);
  const s1 = i32x4.shl(i32x4.add(half, i32x4.splat(127)), 23);
  const s2 = i32x4.shl(i32x4.add(i32x4.sub(n, half), i32x4.splat(127)), 23);
  return f32x4.mul(f32x4.mul(y, s1), s2);
}

@inline function tanh4(v: v128): v128 {
  const a = f32x4.abs(v);
  // Large: 1 - 2 / (e^{2|x|} + 1), sign restored.
  const e = expf4(f32x4.add(a, a));
  const big = f32x4.sub(ONE, f32x4.div(f32x4.splat(2), f32x4.add(e, ONE)));
  const signed = v128.or(big, v128.and(v, f32x4.splat(-0.0)));
  // Small (|x| < 0.625): x + x·z·P(z), z = x².
  const z = f32x4.mul(v, v);
  let p = poly(z, -5.70498872745e-3, 2.06390887954e-2);
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(-5.37397155531e-2));
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(1.33314422036e-1));
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(-3.33332819422e-1));
  const small = f32x4.add(v, f32x4.mul(f32x4.mul(v, z), p));
  return v128.bitselect(small, signed, f32x4.lt(a, f32x4.splat(0.625)));
}
