import { describe, expect, it } from 'vitest';
import {
  explainOutputGradient,
  explainUpdate,
  explainWeightGradient,
} from '../../src/engine/explain/backward/index.ts';
import { recordStep, type StepRecord } from '../../src/engine/train/step-record.ts';
import { chainDocument } from '../unit/train/train-helpers.ts';
import { trainerOfCase } from './train-case-trainer.ts';
import { randomTrainCase, type TrainCase } from './random-train-case.ts';
import { makeRng, seeds } from './rng.ts';

/**
 * The backward explain view writes every gradient and update out term by term. On random
 * small networks (every layer kind, a Dropout in half of them, every optimizer), after a
 * few steps so the optimizers have state, one recorded step is explained in full and each
 * explanation must come to the engine's own number: every weight's gradient and new value,
 * and the gradient at every cell of every layer's output and of the input.
 */
const CASES = 80;
const seen = new Map<string, number>();
const tally = (f: string) => seen.set(f, (seen.get(f) ?? 0) + 1);

describe('backward explanations against the engine', () => {
  it.each(seeds(CASES))('seed=%i: every gradient and update comes out as trained', (seed) => {
    const c = withDropout(randomTrainCase(seed), seed);
    const doc = chainDocument(c.inShape, c.layers);
    for (const kernels of ['reference', 'simd'] as const) {
      const trainer = trainerOfCase(doc, c, kernels, true);
      const before = makeRng(seed ^ 0x51ed).int(0, 3);
      for (let i = 0; i < before && !trainer.done; i++) trainer.step();
      if (trainer.done) continue;
      const { record } = recordStep(trainer, 'in');
      expect(record.step).toBe(before + 1);
      checkWeights(record, `seed=${seed} ${kernels}`);
      checkOutputGradients(record, `seed=${seed} ${kernels}`);
    }
  });

  it('covers every layer kind, loss and optimizer', () => {
    for (const f of [
      'source:mse',
      'source:crossentropy',
      'source:conv',
      'source:dense',
      'source:pool',
      'source:flatten',
      'source:dropout',
      'dropout:dropped',
      'pool:winner',
      'pool:loser',
      'update:sgd',
      'update:momentum',
      'update:adam',
      'param:Conv2D',
      'param:Dense',
      'conv:padding term',
    ])
      expect(seen.get(f) ?? 0, f).toBeGreaterThan(0);
  });
});

function checkWeights(record: StepRecord, where: string): void {
  record.layers.forEach((layer, i) => {
    for (const p of layer.params) {
      tally(`param:${layer.node.type}`);
      for (let k = 0; k < p.grad.length; k++) {
        const ex = explainWeightGradient(record, i, p.name, k);
        const scale = ex.samples.reduce(
          (a, s) => a + s.terms.reduce((b, t) => b + Math.abs(t.product), 0),
          0,
        );
        if (ex.samples.some((s) => s.terms.some((t) => t.padding))) tally('conv:padding term');
        const at = `${where} ${layer.node.id}.${p.name}[${k}]`;
        expect(Math.abs(ex.total - ex.engine), at).toBeLessThanOrEqual(1e-6 + 1e-5 * scale);
        const up = explainUpdate(record, i, p.name, k);
        tally(`update:${up.type}`);
        expect(up.next, at).toBe(up.engine);
      }
    }
  });
}

function checkOutputGradients(record: StepRecord, where: string): void {
  for (let layer = -1; layer < record.layers.length; layer++) {
    const shape = layer < 0 ? record.inShape : record.layers[layer]!.outShape;
    const size = shape.reduce((a, b) => a * b, 1);
    for (let s = 0; s < record.n; s++) {
      for (let cell = 0; cell < size; cell++) {
        const ex = explainOutputGradient(record, layer, s, cell);
        tally(`source:${ex.source.kind}`);
        if (ex.source.kind === 'dropout' && !ex.source.kept) tally('dropout:dropped');
        if (ex.source.kind === 'pool')
          tally(ex.source.windows.some((w) => w.winner) ? 'pool:winner' : 'pool:loser');
        const scale =
          'terms' in ex.source
            ? ex.source.terms.reduce((a, t) => a + Math.abs(t.product), 0)
            : Math.abs(ex.engine);
        const at = `${where} layer ${layer} sample ${s} cell ${cell} (${ex.source.kind})`;
        expect(Math.abs(ex.computed - ex.engine), at).toBeLessThanOrEqual(1e-7 + 1e-5 * scale);
      }
    }
  }
}

/** Half the cases get a Dropout before the head, so its mask is explained too. */
function withDropout(c: TrainCase, seed: number): TrainCase {
  const rng = makeRng(seed ^ 0xd0);
  if (!rng.chance(0.5)) return c;
  const at = rng.int(0, c.layers.length - 1);
  const dropout = {
    id: 'drop',
    type: 'Dropout',
    params: { rate: rng.uniform(0.2, 0.6), seed: rng.int(0, 1000) },
  };
  return { ...c, layers: [...c.layers.slice(0, at), dropout, ...c.layers.slice(at)] };
}
