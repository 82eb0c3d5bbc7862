import type { NodeOf } from '../../../graph/types.ts';
import type { WindowInfo } from '../../../graph/window.ts';
import type { FloatAllocator, Floats } from '../floats.ts';
import type { TrainKernels } from '../kernels.ts';
import type { Layer, Param } from './layer.ts';
import { activateSums, activationAndBiasGrad } from './weighted.ts';

/** Conv2D over a batch: cross-correlation, TF padding, the node's activation fused. */
export class Conv2DLayer implements Layer {
  readonly inShape: readonly number[];
  readonly outShape: readonly number[];
  private readonly out: Floats;
  private readonly dx: Floats;

  constructor(
    readonly node: NodeOf<'Conv2D'>,
    private readonly g: WindowInfo,
    readonly params: readonly Param[],
    private readonly kernels: TrainKernels,
    alloc: FloatAllocator,
    maxBatch: number,
  ) {
    this.inShape = [g.inH, g.inW, g.inC];
    this.outShape = [g.outH, g.outW, node.params.filters];
    this.out = alloc.floats(maxBatch * g.outH * g.outW * node.params.filters);
    this.dx = alloc.floats(maxBatch * g.inH * g.inW * g.inC);
  }

  /** The window arithmetic (sizes, strides, padding) this layer slides by. */
  get window(): WindowInfo {
    return this.g;
  }

  forward(x: Floats, n: number): Floats {
    const { filters, activation } = this.node.params;
    const [kernel, bias] = this.params;
    this.kernels.convForward(
      x,
      kernel!.value,
      bias?.value ?? null,
      this.g,
      filters,
      n,
      this.out,
      activation === 'relu',
    );
    activateSums(this.out, n * this.g.outH * this.g.outW * filters, activation, filters);
    return this.out;
  }

  backward(x: Floats, dy: Floats, n: number, needInput: boolean): Floats | null {
    const { filters, activation } = this.node.params;
    const [kernel, bias] = this.params;
    const count = n * this.g.outH * this.g.outW * filters;
    activationAndBiasGrad(this.kernels, this.out, dy, count, activation, filters, bias);
    this.kernels.convBackwardFilter(x, dy, this.g, filters, n, kernel!.grad);
    if (!needInput) return null;
    this.kernels.convBackwardInput(dy, kernel!.value, this.g, filters, n, this.dx);
    return this.dx;
  }
}
