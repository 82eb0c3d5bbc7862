import type { FloatAllocator, Floats } from '../floats.ts';
import type { Param } from '../layers/layer.ts';
import type { Optimizer, OptimizerSnapshot } from './optimizer.ts';

/**
 * Adam as TensorFlow.js's `tf.train.adam`: m ← β1·m + (1 − β1)·g, v ← β2·v + (1 − β2)·g²,
 * w ← w − lr · (m / (1 − β1ᵗ)) / (√(v / (1 − β2ᵗ)) + ε). The powers β1ᵗ, β2ᵗ are kept as
 * float32 scalars multiplied once per step, as tfjs keeps them.
 */
export class AdamOptimizer implements Optimizer {
  private readonly m: Floats[];
  private readonly v: Floats[];
  private accBeta1: number;
  private accBeta2: number;

  constructor(
    params: readonly Param[],
    private readonly learningRate: number,
    private readonly beta1: number,
    private readonly beta2: number,
    private readonly epsilon: number,
    alloc: FloatAllocator,
  ) {
    this.m = params.map((p) => alloc.floats(p.value.length));
    this.v = params.map((p) => alloc.floats(p.value.length));
    this.accBeta1 = Math.fround(beta1);
    this.accBeta2 = Math.fround(beta2);
  }

  snapshot(): OptimizerSnapshot {
    return {
      type: 'adam',
      learningRate: this.learningRate,
      beta1: this.beta1,
      beta2: this.beta2,
      epsilon: this.epsilon,
      m: this.m.map((a) => Float32Array.from(a)),
      v: this.v.map((a) => Float32Array.from(a)),
      accBeta1: this.accBeta1,
      accBeta2: this.accBeta2,
    };
  }

  step(params: readonly Param[]): void {
    const { beta1, beta2, epsilon, learningRate: lr } = this;
    const c1 = 1 - this.accBeta1;
    const c2 = 1 - this.accBeta2;
    params.forEach(({ value: w, grad: g }, k) => {
      const m = this.m[k]!;
      const v = this.v[k]!;
      for (let i = 0; i < w.length; i++) {
        const gi = g[i]!;
        m[i] = beta1 * m[i]! + (1 - beta1) * gi;
        v[i] = beta2 * v[i]! + (1 - beta2) * gi * gi;
        w[i] = w[i]! - (lr * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + epsilon);
      }
    });
    this.accBeta1 = Math.fround(this.accBeta1 * beta1);
    this.accBeta2 = Math.fround(this.accBeta2 * beta2);
  }
}
