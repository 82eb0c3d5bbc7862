import type { Param } from '../layers/layer.ts';

/** Updates parameters in place from their gradients, one step at a time. */
export interface Optimizer {
  step(params: readonly Param[]): void;
  /** Copies of its settings and state, for explaining a step (the backward explain view). */
  snapshot(): OptimizerSnapshot;
}

/**
 * An optimizer's settings and its state between steps, per parameter (in the model's order):
 * SGD's momentum accumulators; Adam's moments and the powers β1ᵗ, β2ᵗ it has reached.
 */
export type OptimizerSnapshot =
  | {
      type: 'sgd';
      learningRate: number;
      momentum: number;
      nesterov: boolean;
      /** Empty without momentum. */
      accumulators: Float32Array[];
    }
  | {
      type: 'adam';
      learningRate: number;
      beta1: number;
      beta2: number;
      epsilon: number;
      m: Float32Array[];
      v: Float32Array[];
      /** β1ᵗ and β2ᵗ as kept in float32, t being the steps taken plus one. */
      accBeta1: number;
      accBeta2: number;
    };
