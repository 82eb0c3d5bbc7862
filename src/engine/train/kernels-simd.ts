import type { WindowInfo } from '../../graph/window.ts';
import type { KernelRuntime } from '../wasm/runtime.ts';
import type { FloatAllocator, Floats } from './floats.ts';
import type { TrainKernels } from './kernels.ts';

/** Output pixels whose window origins conv.ts computes at once. */
const CHUNK = 240;

/** The scratch one layer's kernels need, in floats, for the largest of the chain. */
export interface ScratchNeeds {
  /** A padded sample, or the padded input gradient of one. */
  padded: number;
  /** One sample's windows as rows (P × K), or their gradients. */
  columns: number;
  /** A kernel packed in panels of 8 columns, and its transpose. */
  packed: number;
}

export function convScratch(g: WindowInfo, filters: number): ScratchNeeds {
  const hp = g.inH + g.padTop + g.padBottom;
  const wp = g.inW + g.padLeft + g.padRight;
  const k = g.kh * g.kw * g.inC;
  return {
    padded: hp * wp * g.inC,
    columns: g.outH * g.outW * k,
    packed: packedSize(k, filters) + packedSize(filters, k),
  };
}

export function denseScratch(inUnits: number, units: number): ScratchNeeds {
  return { padded: 0, columns: 0, packed: packedSize(inUnits, units) + packedSize(units, inUnits) };
}

/** The largest of each need. */
export function largestNeeds(needs: readonly ScratchNeeds[]): ScratchNeeds {
  const most = (key: keyof ScratchNeeds) => Math.max(0, ...needs.map((n) => n[key]));
  return { padded: most('padded'), columns: most('columns'), packed: most('packed') };
}

export interface SimdScratch {
  padded: Float32Array;
  columns: Float32Array;
  packed: Float32Array;
  bases: Int32Array;
}

/** The kernels' scratch, from the allocator that lays out the model's buffers. */
export function allocateScratch(alloc: FloatAllocator, needs: ScratchNeeds): SimdScratch {
  return {
    padded: alloc.floats(needs.padded) as Float32Array,
    columns: alloc.floats(needs.columns) as Float32Array,
    packed: alloc.floats(needs.packed) as Float32Array,
    bases: alloc.ints(CHUNK + 8),
  };
}

function packedSize(depth: number, cols: number): number {
  const panels = Math.ceil(cols / 8);
  return panels * 8 * (depth + 1);
}

/**
 * The training kernels in WebAssembly SIMD, on buffers that live in `rt`'s memory (a
 * WasmArena over the same runtime). Forward and input-gradient products run conv.ts's GEMM
 * (the input gradient with the kernel transposed, then col2im); weight gradients run
 * gemmTN over im2col rows, one sample at a time so each sample's rows stay in cache.
 * Results are the reference kernels' within float32 rounding.
 */
export function simdTrainKernels(rt: KernelRuntime, scratch: SimdScratch): TrainKernels {
  const e = rt.exports;
  const { padded, columns, packed, bases } = scratch;
  const at = (a: Floats | Int32Array): number => {
    if (a.buffer !== e.memory.buffer) throw new Error('a training buffer outside kernel memory');
    return a.byteOffset;
  };

  /** Pack `w` ([depth, cols] row-major, or its transpose) into panels at `packed[offset]`. */
  function pack(
    w: Floats,
    bias: Floats | null,
    depth: number,
    cols: number,
    transposed: boolean,
    offset: number,
  ): number {
    const panels = Math.ceil(cols / 8);
    const biasAt = offset + panels * depth * 8;
    for (let j = 0; j < panels; j++) {
      const n = Math.min(8, cols - j * 8);
      for (let k = 0; k < depth; k++) {
        const to = offset + (j * depth + k) * 8;
        for (let c = 0; c < 8; c++) {
          const col = j * 8 + c;
          packed[to + c] = c >= n ? 0 : transposed ? w[col * depth + k]! : w[k * cols + col]!;
        }
      }
    }
    for (let c = 0; c < panels * 8; c++) packed[biasAt + c] = bias && c < cols ? bias[c]! : 0;
    return biasAt;
  }

  function geometry(g: WindowInfo) {
    const wp = g.inW + g.padLeft + g.padRight;
    const hp = g.inH + g.padTop + g.padBottom;
    const rowStride = wp * g.inC * 4;
    const isPadded = g.padTop + g.padBottom + g.padLeft + g.padRight > 0;
    return {
      wp,
      hp,
      rowStride,
      pixStride: g.sw * g.inC * 4,
      rowStep: g.sh * rowStride,
      span: g.kw * g.inC,
      isPadded,
    };
  }

  /** The byte address of sample `s` of `x`, copied into `padded` with zero borders if need be. */
  function sampleIn(x: Floats, s: number, g: WindowInfo, wp: number, isPadded: boolean): number {
    const inSize = g.inH * g.inW * g.inC;
    if (!isPadded) return at(x) + s * inSize * 4;
    const rowLen = wp * g.inC;
    padded.fill(0, 0, (g.inH + g.padTop + g.padBottom) * rowLen);
    for (let y = 0; y < g.inH; y++) {
      const from = s * inSize + y * g.inW * g.inC;
      padded.set(
        x.subarray(from, from + g.inW * g.inC),
        (y + g.padTop) * rowLen + g.padLeft * g.inC,
      );
    }
    return at(padded);
  }

  /** Rows × depth by depth × cols with conv.ts as a plain GEMM (1×1 windows one row apart). */
  function gemm(
    a: number,
    rows: number,
    depth: number,
    wAt: number,
    biasAt: number,
    cols: number,
    out: number,
    relu = false,
  ) {
    e.conv(
      a,
      0,
      depth * 4,
      0,
      1,
      depth,
      1,
      rows,
      wAt,
      biasAt,
      cols,
      out,
      relu ? 1 : 0,
      at(bases),
      CHUNK,
      0,
    );
  }

  return {
    convForward(x, w, bias, g, filters, n, out, relu) {
      const k = g.kh * g.kw * g.inC;
      const biasAt = pack(w, bias, k, filters, false, 0);
      const geo = geometry(g);
      const outSize = g.outH * g.outW * filters;
      for (let s = 0; s < n; s++) {
        const xp = sampleIn(x, s, g, geo.wp, geo.isPadded);
        e.conv(
          xp,
          geo.rowStride,
          geo.pixStride,
          geo.rowStep,
          g.kh,
          geo.span,
          g.outH,
          g.outW,
          at(packed),
          at(packed) + biasAt * 4,
          filters,
          at(out) + s * outSize * 4,
          relu ? 1 : 0,
          at(bases),
          CHUNK,
          0,
        );
      }
    },

    convBackwardFilter(x, dz, g, filters, n, dw) {
      const k = g.kh * g.kw * g.inC;
      const geo = geometry(g);
      const pixels = g.outH * g.outW;
      for (let s = 0; s < n; s++) {
        const xp = sampleIn(x, s, g, geo.wp, geo.isPadded);
        e.im2col(
          xp,
          geo.rowStride,
          geo.pixStride,
          geo.rowStep,
          g.kh,
          geo.span,
          g.outH,
          g.outW,
          at(columns),
        );
        e.gemmTN(
          at(columns),
          k,
          at(dz) + s * pixels * filters * 4,
          filters,
          at(dw),
          filters,
          k,
          filters,
          pixels,
          s > 0 ? 1 : 0,
          0,
        );
      }
    },

    convBackwardInput(dz, w, g, filters, n, dx) {
      const k = g.kh * g.kw * g.inC;
      const biasAt = pack(w, null, filters, k, true, 0);
      const geo = geometry(g);
      const pixels = g.outH * g.outW;
      const inSize = g.inH * g.inW * g.inC;
      const target = geo.isPadded ? padded : dx;
      for (let s = 0; s < n; s++) {
        gemm(
          at(dz) + s * pixels * filters * 4,
          pixels,
          filters,
          at(packed),
          at(packed) + biasAt * 4,
          k,
          at(columns),
        );
        const xp = geo.isPadded ? at(padded) : at(dx) + s * inSize * 4;
        target.fill(0, (xp - at(target)) >> 2, ((xp - at(target)) >> 2) + geo.hp * geo.wp * g.inC);
        e.col2im(
          at(columns),
          xp,
          geo.rowStride,
          geo.pixStride,
          geo.rowStep,
          g.kh,
          geo.span,
          g.outH,
          g.outW,
        );
        if (geo.isPadded) {
          const rowLen = geo.wp * g.inC;
          for (let y = 0; y < g.inH; y++) {
            const from = (y + g.padTop) * rowLen + g.padLeft * g.inC;
            dx.set(padded.subarray(from, from + g.inW * g.inC), s * inSize + y * g.inW * g.inC);
          }
        }
      }
    },

    denseForward(x, w, bias, rows, inUnits, units, out, relu) {
      const biasAt = pack(w, bias, inUnits, units, false, 0);
      gemm(at(x), rows, inUnits, at(packed), at(packed) + biasAt * 4, units, at(out), relu);
    },

    denseBackwardFilter(x, dz, rows, inUnits, units, dw) {
      e.gemmTN(at(x), inUnits, at(dz), units, at(dw), units, inUnits, units, rows, 0, 0);
    },

    denseBackwardInput(dz, w, rows, inUnits, units, dx) {
      const biasAt = pack(w, null, units, inUnits, true, 0);
      gemm(at(dz), rows, units, at(packed), at(packed) + biasAt * 4, inUnits, at(dx));
    },

    maxPoolForward(x, g, n, out, argmax) {
      const inSize = g.inH * g.inW * g.inC;
      const outSize = g.outH * g.outW * g.inC;
      for (let s = 0; s < n; s++) {
        e.maxPoolArg(
          at(x) + s * inSize * 4,
          g.inH,
          g.inW,
          g.inC,
          g.kh,
          g.kw,
          g.sh,
          g.sw,
          g.outH,
          g.outW,
          g.padTop,
          g.padLeft,
          at(out) + s * outSize * 4,
          at(argmax) + s * outSize * 4,
          s * inSize,
        );
      }
    },

    maxPoolBackward(dy, argmax, count, dx, inCount) {
      e.scatterAdd(at(dy), at(argmax), count, at(dx), inCount);
    },

    reluBackward(y, dy, count) {
      e.reluBackward(at(y), at(dy), count);
    },

    biasGrad(dz, rows, units, g) {
      e.columnSums(at(dz), rows, units, at(g));
    },
  };
}
