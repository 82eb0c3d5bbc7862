import type { NodeOf } from '../../../graph/types.ts';
import type { FloatAllocator, Floats } from '../floats.ts';
import type { TrainKernels } from '../kernels.ts';
import type { Layer, Param } from './layer.ts';
import { activateSums, activationAndBiasGrad } from './weighted.ts';

/** Dense along the last axis over a batch (a rank-3 input is `H·W` rows per sample). */
export class DenseLayer implements Layer {
  readonly outShape: readonly number[];
  private readonly rowsPerSample: number;
  private readonly inUnits: number;
  private readonly out: Floats;
  private readonly dx: Floats;

  constructor(
    readonly node: NodeOf<'Dense'>,
    readonly inShape: readonly number[],
    readonly params: readonly Param[],
    private readonly kernels: TrainKernels,
    alloc: FloatAllocator,
    maxBatch: number,
  ) {
    this.inUnits = inShape[inShape.length - 1]!;
    this.rowsPerSample = inShape.slice(0, -1).reduce((a, b) => a * b, 1);
    this.outShape = [...inShape.slice(0, -1), node.params.units];
    this.out = alloc.floats(maxBatch * this.rowsPerSample * node.params.units);
    this.dx = alloc.floats(maxBatch * this.rowsPerSample * this.inUnits);
  }

  forward(x: Floats, n: number): Floats {
    const { units, activation } = this.node.params;
    const [kernel, bias] = this.params;
    const rows = n * this.rowsPerSample;
    this.kernels.denseForward(
      x,
      kernel!.value,
      bias?.value ?? null,
      rows,
      this.inUnits,
      units,
      this.out,
      activation === 'relu',
    );
    activateSums(this.out, rows * units, activation, units);
    return this.out;
  }

  backward(x: Floats, dy: Floats, n: number, needInput: boolean): Floats | null {
    const { units, activation } = this.node.params;
    const [kernel, bias] = this.params;
    const rows = n * this.rowsPerSample;
    activationAndBiasGrad(this.kernels, this.out, dy, rows * units, activation, units, bias);
    this.kernels.denseBackwardFilter(x, dy, rows, this.inUnits, units, kernel!.grad);
    if (!needInput) return null;
    this.kernels.denseBackwardInput(dy, kernel!.value, rows, this.inUnits, units, this.dx);
    return this.dx;
  }
}
