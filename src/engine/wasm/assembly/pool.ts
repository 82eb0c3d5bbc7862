// MaxPooling2D over a channels-last [H, W, C] input. Windows are clipped to the input, so
// `same` padding never contributes a value. pmax(best, v) = best < v ? v : best, exactly the
// reference's `if (v > best) best = v` (NaN never wins, -0 stays), hence bit-identical results.

export function maxPool(
  x: usize, inH: i32, inW: i32, inC: i32, kh: i32, kw: i32, sh: i32, sw: i32,
  outH: i32, outW: i32, padTop: i32, padLeft: i32, out: usize,
): void {
  const pixel = <usize>inC << 2;
  const rowBytes = <usize>inW * pixel;
  let o = out;
  for (let oy = 0; oy < outH; oy++) {
    const y0 = max(oy * sh - padTop, 0);
    const y1 = min(oy * sh - padTop + kh, inH);
    for (let ox = 0; ox < outW; ox++) {
      const x0 = max(ox * sw - padLeft, 0);
      const x1 = min(ox * sw - padLeft + kw, inW);
      const origin = x + <usize>y0 * rowBytes + <usize>x0 * pixel;
      windowMax(origin, y1 - y0, x1 - x0, rowBytes, pixel, inC, o);
      o += pixel;
    }
  }
}

@inline function windowMax(origin: usize, rows: i32, cols: i32, rowBytes: usize, pixel: usize, inC: i32, o: usize): void {
  const lowest = f32x4.splat(-Infinity);
  let c = 0;
  for (; c + 16 <= inC; c += 16) {
    let b0 = lowest, b1 = lowest, b2 = lowest, b3 = lowest;
    let r = origin + (<usize>c << 2);
    for (let iy = 0; iy < rows; iy++) {
      let p = r;
      for (let ix = 0; ix < cols; ix++) {
        b0 = f32x4.pmax(b0, v128.load(p));
        b1 = f32x4.pmax(b1, v128.load(p, 16));
        b2 = f32x4.pmax(b2, v128.load(p, 32));
        b3 = f32x4.pmax(b3, v128.load(p, 48));
        p += pixel;
      }
      r += rowBytes;
    }
    const q = o + (<usize>c << 2);
    v128.store(q, b0);
    v128.store(q, b1, 16);
    v128.store(q, b2, 32);
    v128.store(q, b3, 48);
  }
  for (; c + 4 <= inC; c += 4) {
    let b = lowest;
    let r = origin + (<usize>c << 2);
    for (let iy = 0; iy < rows; iy++) {
      let p = r;
      for (let ix = 0; ix < cols; ix++) {
        b = f32x4.pmax(b, v128.load(p));
        p += pixel;
      }
      r += rowBytes;
    }
    v128.store(o + (<usize>c << 2), b);
  }
  for (; c < inC; c++) {
    let best: f32 = -Infinity;
    let r = origin + (<usize>c << 2);
    for (let iy = 0; iy < rows; iy++) {
      let p = r;
      for (let ix = 0; ix < cols; ix++) {
        const v = load<f32>(p);
        if (v > best) best = v;
        p += pixel;
      }
      r += rowBytes;
    }
    store<f32>(o + (<usize>c << 2), best);
  }
}
