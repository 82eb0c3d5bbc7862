import type { Param } from '../layers/layer.ts';

/** Updates parameters in place from their gradients, one step at a time. */
export interface Optimizer {
  step(params: readonly Param[]): void;
}
