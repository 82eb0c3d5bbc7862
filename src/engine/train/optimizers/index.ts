import type { FloatAllocator } from '../floats.ts';
import type { Param } from '../layers/layer.ts';
import { AdamOptimizer } from './adam.ts';
import type { Optimizer } from './optimizer.ts';
import { SgdOptimizer } from './sgd.ts';

export type { Optimizer, OptimizerSnapshot } from './optimizer.ts';

/** An optimizer as the document's training section names it (tfjs defaults filled in). */
export type OptimizerConfig =
  | { type: 'sgd'; learningRate: number; momentum?: number; nesterov?: boolean }
  | { type: 'adam'; learningRate: number; beta1?: number; beta2?: number; epsilon?: number };

export function createOptimizer(
  config: OptimizerConfig,
  params: readonly Param[],
  alloc: FloatAllocator,
): Optimizer {
  if (config.type === 'sgd')
    return new SgdOptimizer(
      params,
      config.learningRate,
      config.momentum ?? 0,
      config.nesterov ?? false,
      alloc,
    );
  return new AdamOptimizer(
    params,
    config.learningRate,
    config.beta1 ?? 0.9,
    config.beta2 ?? 0.999,
    config.epsilon ?? 1e-7,
    alloc,
  );
}
