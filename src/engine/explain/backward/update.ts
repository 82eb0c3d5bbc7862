import type { OptimizerSnapshot } from '../../train/optimizers/index.ts';
import type { StepRecord } from '../../train/step-record.ts';

/**
 * How the optimizer turned a weight's gradient into its new value, every intermediate in
 * float32 as the engine stores it: SGD w − lr·g; momentum's accumulator; Adam's moments.
 */
export type UpdateExplanation =
  | { type: 'sgd'; w: number; lr: number; g: number; next: number; engine: number }
  | {
      type: 'momentum';
      w: number;
      lr: number;
      g: number;
      momentum: number;
      nesterov: boolean;
      /** The accumulator before (a) and after (a′ = m·a + g) this step. */
      accBefore: number;
      acc: number;
      /** What is taken times lr: a′, or with Nesterov g + m·a′. */
      direction: number;
      next: number;
      engine: number;
    }
  | {
      type: 'adam';
      w: number;
      lr: number;
      g: number;
      beta1: number;
      beta2: number;
      epsilon: number;
      mBefore: number;
      vBefore: number;
      m: number;
      v: number;
      /** 1 − β1ᵗ and 1 − β2ᵗ (t = this step), the bias corrections. */
      c1: number;
      c2: number;
      mHat: number;
      vHat: number;
      next: number;
      engine: number;
    };

/** The update of `param`'s value `index` of layer `layer` in the recorded step. */
export function explainUpdate(
  record: StepRecord,
  layer: number,
  param: 'kernel' | 'bias',
  index: number,
): UpdateExplanation {
  const step = record.layers[layer];
  const p = step?.params.find((q) => q.name === param);
  if (!step || !p) throw new Error(`layer ${layer} has no ${param}`);
  const k = paramOrder(record, layer, param);
  const w = p.before[index]!;
  const g = p.grad[index]!;
  const engine = p.after[index]!;
  return updateOf(record.optimizerBefore, k, index, w, g, engine);
}

function updateOf(
  o: OptimizerSnapshot,
  k: number,
  i: number,
  w: number,
  g: number,
  engine: number,
): UpdateExplanation {
  const f = Math.fround;
  const lr = o.learningRate;
  if (o.type === 'sgd' && o.momentum === 0)
    return { type: 'sgd', w, lr, g, next: f(w - lr * g), engine };
  if (o.type === 'sgd') {
    const accBefore = o.accumulators[k]![i]!;
    const acc = f(o.momentum * accBefore + g);
    const direction = o.nesterov ? g + o.momentum * acc : acc;
    return {
      type: 'momentum',
      w,
      lr,
      g,
      momentum: o.momentum,
      nesterov: o.nesterov,
      accBefore,
      acc,
      direction,
      next: f(w - lr * direction),
      engine,
    };
  }
  const mBefore = o.m[k]![i]!;
  const vBefore = o.v[k]![i]!;
  const m = f(o.beta1 * mBefore + (1 - o.beta1) * g);
  const v = f(o.beta2 * vBefore + (1 - o.beta2) * g * g);
  const c1 = 1 - o.accBeta1;
  const c2 = 1 - o.accBeta2;
  const mHat = m / c1;
  const vHat = v / c2;
  const next = f(w - (lr * mHat) / (Math.sqrt(vHat) + o.epsilon));
  return {
    type: 'adam',
    w,
    lr,
    g,
    beta1: o.beta1,
    beta2: o.beta2,
    epsilon: o.epsilon,
    mBefore,
    vBefore,
    m,
    v,
    c1,
    c2,
    mHat,
    vHat,
    next,
    engine,
  };
}

/** The parameter's position among the model's parameters (the optimizer's slot order). */
function paramOrder(record: StepRecord, layer: number, param: 'kernel' | 'bias'): number {
  let k = 0;
  for (let i = 0; i < layer; i++) k += record.layers[i]!.params.length;
  return k + record.layers[layer]!.params.findIndex((p) => p.name === param);
}
