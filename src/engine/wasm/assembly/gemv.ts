// Matrix-vector product for Dense on a rank-1 input: out[f] = act(bias[f] + Σ_k x[k]·w[k, f]),
// with the kernel in the same 8-wide panels as conv.ts. Memory-bound: each panel is one
// sequential stream, and four accumulator pairs (k mod 4) keep the adds independent.
import { storeRow } from './conv';

@inline function madd(acc: v128, a: v128, b: v128): v128 {
  return f32x4.add(acc, f32x4.mul(a, b));
}

export function gemv(x: usize, depth: i32, w: usize, bias: usize, filters: i32, out: usize, relu: i32, tmp: usize): void {
  const panels = (filters + 7) >> 3;
  let k = w;
  for (let j = 0; j < panels; j++) {
    const z = f32x4.splat(0);
    let p0 = z, p1 = z, q0 = z, q1 = z, r0 = z, r1 = z, s0 = z, s1 = z;
    let a = x;
    let left = depth;
    while (left >= 4) {
      let v = v128.load32_splat(a);
      p0 = madd(p0, v, v128.load(k)); p1 = madd(p1, v, v128.load(k, 16));
      v = v128.load32_splat(a, 4);
      q0 = madd(q0, v, v128.load(k, 32)); q1 = madd(q1, v, v128.load(k, 48));
      v = v128.load32_splat(a, 8);
      r0 = madd(r0, v, v128.load(k, 64)); r1 = madd(r1, v, v128.load(k, 80));
      v = v128.load32_splat(a, 12);
      s0 = madd(s0, v, v128.load(k, 96)); s1 = madd(s1, v, v128.load(k, 112));
      a += 16;
      k += 128;
      left -= 4;
    }
    while (left > 0) {
      const v = v128.load32_splat(a);
      p0 = madd(p0, v, v128.load(k)); p1 = madd(p1, v, v128.load(k, 16));
      a += 4;
      k += 32;
      left--;
    }
    const bp = bias + (<usize>j << 5);
    let lo = f32x4.add(f32x4.add(p0, q0), f32x4.add(r0, s0));
    let hi = f32x4.add(f32x4.add(p1, q1), f32x4.add(r1, s1));
    lo = f32x4.add(lo, v128.load(bp));
    hi = f32x4.add(hi, v128.load(bp, 16));
    if (relu) {
      lo = f32x4.pmax(lo, z);
      hi = f32x4.pmax(hi, z);
    }
    storeRow(out + (<usize>j << 5), lo, hi, min(8, filters - (j << 3)), tmp);
  }
}
