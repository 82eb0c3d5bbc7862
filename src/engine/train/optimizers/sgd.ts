import type { FloatAllocator, Floats } from '../floats.ts';
import type { Param } from '../layers/layer.ts';
import type { Optimizer, OptimizerSnapshot } from './optimizer.ts';

/**
 * Stochastic gradient descent as TensorFlow.js's `tf.train.sgd` / `tf.train.momentum`:
 * w ← w − lr·g; with momentum m, a ← m·a + g and w ← w − lr·a, or with Nesterov
 * w ← w − lr·(g + m·a). The accumulators start at zero.
 */
export class SgdOptimizer implements Optimizer {
  private readonly accumulators: Floats[];

  constructor(
    params: readonly Param[],
    private readonly learningRate: number,
    private readonly momentum: number,
    private readonly nesterov: boolean,
    alloc: FloatAllocator,
  ) {
    this.accumulators = momentum > 0 ? params.map((p) => alloc.floats(p.value.length)) : [];
  }

  snapshot(): OptimizerSnapshot {
    return {
      type: 'sgd',
      learningRate: this.learningRate,
      momentum: this.momentum,
      nesterov: this.nesterov,
      accumulators: this.accumulators.map((a) => Float32Array.from(a)),
    };
  }

  step(params: readonly Param[]): void {
    const lr = this.learningRate;
    const m = this.momentum;
    params.forEach(({ value: w, grad: g }, k) => {
      if (m === 0) {
        for (let i = 0; i < w.length; i++) w[i] = w[i]! - lr * g[i]!;
        return;
      }
      const a = this.accumulators[k]!;
      for (let i = 0; i < w.length; i++) {
        a[i] = m * a[i]! + g[i]!;
        w[i] = w[i]! - lr * (this.nesterov ? g[i]! + m * a[i]! : a[i]!);
      }
    });
  }
}
