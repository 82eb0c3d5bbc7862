// `npx tsx tests/bench/im2col-probe.ts`: why the engine has no explicit im2col. For each
// benchmark convolution, the SIMD kernel's implicit GEMM (windows read in place from the
// padded input) against the same kernel run as a plain GEMM over a materialized im2col
// matrix, and the cost of building that matrix (here with copyWithin per window row).
// Minimum of several calls each. Not a test.
import { packWeights } from '../../src/engine/wasm/index.ts';
import { align, kernelRuntime } from '../../src/engine/wasm/runtime.ts';
import { benchCases } from './cases.ts';

const rt = kernelRuntime();
if (!rt) throw new Error('no WebAssembly SIMD here');

function best(f: () => void, n: number): number {
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    f();
    min = Math.min(min, performance.now() - start);
  }
  return min;
}

for (const c of benchCases()) {
  if (c.kind !== 'conv' || c.g.inH < 28) continue;
  const { g, filters } = c;
  const { inC, kh, kw, outH, outW } = g;
  const depth = kh * kw * inC;
  const pixels = outH * outW;
  const w = packWeights(c.kernel, c.bias, depth, filters);
  const wAt = rt.weights.locate(w, () => rt.f32);
  const wp = g.inW + g.padLeft + g.padRight;
  const hp = g.inH + g.padTop + g.padBottom;
  const inBytes = align(hp * wp * inC * 4);
  const colBytes = align(pixels * depth * 4);
  const outBytes = align(pixels * filters * 4);
  const xp = rt.scratch(inBytes + colBytes + outBytes + 4096);
  const col = xp + inBytes;
  const out = col + colBytes;
  const bases = out + outBytes;
  const mem = rt.f32;
  mem.fill(0, xp >> 2, (xp + inBytes) >> 2);
  for (let y = 0; y < g.inH; y++)
    mem.set(
      c.x.subarray(y * g.inW * inC, (y + 1) * g.inW * inC),
      (xp >> 2) + ((y + g.padTop) * wp + g.padLeft) * inC,
    );
  const row = wp * inC * 4;
  const bias = wAt + w.biasAt * 4;
  const implicit = () =>
    rt.exports.conv(
      xp,
      row,
      inC * 4,
      row,
      kh,
      kw * inC,
      outH,
      outW,
      wAt,
      bias,
      filters,
      out,
      0,
      bases,
      240,
      0,
    );
  const im2col = () => {
    const m = rt.f32;
    let d = col >> 2;
    for (let oy = 0; oy < outH; oy++)
      for (let ox = 0; ox < outW; ox++)
        for (let ky = 0; ky < kh; ky++) {
          const s = (xp >> 2) + ((oy + ky) * wp + ox) * inC;
          m.copyWithin(d, s, s + kw * inC);
          d += kw * inC;
        }
  };
  const gemm = () =>
    rt.exports.conv(
      col,
      0,
      depth * 4,
      0,
      1,
      depth,
      1,
      pixels,
      wAt,
      bias,
      filters,
      out,
      0,
      bases,
      240,
      0,
    );
  const n = g.inH > 200 ? 4 : 30;
  best(implicit, 3);
  best(gemm, 3);
  const [ti, tc, tg] = [best(implicit, n), best(im2col, n), best(gemm, n)];
  console.log(
    `${c.name.padEnd(22)} implicit GEMM ${ti.toFixed(3)} ms | im2col matrix ${tc.toFixed(3)} ms + GEMM on it ${tg.toFixed(3)} ms`,
  );
}
