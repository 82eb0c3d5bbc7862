import type { NodeOf } from '../../../graph/types.ts';
import type { WindowInfo } from '../../../graph/window.ts';
import type { FloatAllocator, Floats } from '../floats.ts';
import type { TrainKernels } from '../kernels.ts';
import type { Layer } from './layer.ts';

/** MaxPooling2D over a batch; the gradient goes to each window's (first) maximum. */
export class MaxPoolLayer implements Layer {
  readonly params = [];
  readonly inShape: readonly number[];
  readonly outShape: readonly number[];
  private readonly out: Floats;
  private readonly argmax: Int32Array;
  private readonly dx: Floats;

  constructor(
    readonly node: NodeOf<'MaxPool'>,
    private readonly g: WindowInfo,
    private readonly kernels: TrainKernels,
    alloc: FloatAllocator,
    maxBatch: number,
  ) {
    this.inShape = [g.inH, g.inW, g.inC];
    this.outShape = [g.outH, g.outW, g.inC];
    this.out = alloc.floats(maxBatch * g.outH * g.outW * g.inC);
    this.argmax = alloc.ints(this.out.length);
    this.dx = alloc.floats(maxBatch * g.inH * g.inW * g.inC);
  }

  /** The window arithmetic (sizes, strides, padding) this layer slides by. */
  get window(): WindowInfo {
    return this.g;
  }

  forward(x: Floats, n: number): Floats {
    this.kernels.maxPoolForward(x, this.g, n, this.out, this.argmax);
    return this.out;
  }

  /**
   * Where each output value of the last forward pass's first `n` samples came from: an index
   * into that pass's input (the window's first maximum), a copy.
   */
  winners(n: number): Int32Array {
    return this.argmax.slice(0, n * this.outShape.reduce((a, b) => a * b, 1));
  }

  backward(_x: Floats, dy: Floats, n: number, needInput: boolean): Floats | null {
    if (!needInput) return null;
    const { inH, inW, inC, outH, outW } = this.g;
    this.kernels.maxPoolBackward(
      dy,
      this.argmax,
      n * outH * outW * inC,
      this.dx,
      n * inH * inW * inC,
    );
    return this.dx;
  }
}
