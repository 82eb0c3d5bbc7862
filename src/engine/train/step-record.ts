import type { GraphNode } from '../../graph/types.ts';
import type { WindowInfo } from '../../graph/window.ts';
import { size } from './data.ts';
import type { Floats } from './floats.ts';
import { MaxPoolLayer } from './layers/max-pool-layer.ts';
import { DropoutLayer } from './layers/pass-layers.ts';
import type { LossName } from './losses.ts';
import type { TrainModel } from './model.ts';
import type { OptimizerSnapshot } from './optimizers/index.ts';
import type { StepRecorder, StepReport, Trainer } from './trainer.ts';

/** One trained tensor across the step: its value before, its gradient, its value after. */
export interface ParamStep {
  name: 'kernel' | 'bias';
  shape: number[];
  before: Float32Array;
  grad: Float32Array;
  after: Float32Array;
}

/** One layer of the chain during the step, for every sample of the batch (one after another). */
export interface LayerStep {
  node: GraphNode;
  inShape: number[];
  outShape: number[];
  /** Conv2D's and MaxPool's window arithmetic. */
  window: WindowInfo | null;
  output: Float32Array;
  /** The gradient of the batch's mean loss at this layer's output. */
  outputGradient: Float32Array;
  params: ParamStep[];
  /** MaxPool: for each output value, the index (into the batch's input) of its maximum. */
  winners: Int32Array | null;
  /** Dropout: which values were kept (1) or dropped (0); null when nothing was dropped. */
  kept: Uint8Array | null;
}

/**
 * Everything one training step did, in the engine's own numbers: enough to write out every
 * gradient and every update the way the explain view writes out a forward cell.
 */
export interface StepRecord {
  /** This step's number (1 = the run's first), its epoch (1-based) and batch (0-based). */
  step: number;
  epoch: number;
  batch: number;
  /** Samples in the batch, and their indices in the training set. */
  n: number;
  samples: number[];
  inputId: string;
  inShape: number[];
  /** The batch's inputs and targets. */
  input: Float32Array;
  targets: Float32Array;
  /** The gradient at the input (what the first layer passed down). */
  inputGradient: Float32Array;
  loss: number;
  lossName: LossName;
  layers: LayerStep[];
  /** The optimizer before and after its update. */
  optimizerBefore: OptimizerSnapshot;
  optimizerAfter: OptimizerSnapshot;
}

/**
 * The batch's values a step record would hold: the activations and gradients of every
 * layer plus four copies of every parameter. The view records steps only of small networks.
 */
export function recordSize(model: TrainModel, batch: number): number {
  const acts = model.layers.reduce((a, l) => a + size(l.outShape), size(model.inShape));
  const params = model.params.reduce((a, p) => a + p.value.length, 0);
  return 2 * acts * batch + 6 * params;
}

/** Take the trainer's next step, recording it. */
export function recordStep(
  trainer: Trainer,
  inputId: string,
): { report: StepReport; record: StepRecord } {
  const rec = new Recording(trainer, inputId);
  const report = trainer.step(rec);
  return { report, record: rec.finish(report) };
}

class Recording implements StepRecorder {
  private n = 0;
  private samples: number[] = [];
  private input = new Float32Array(0);
  private targets = new Float32Array(0);
  private loss = 0;
  private outputs: Float32Array[] = [];
  private extras: Pick<LayerStep, 'winners' | 'kept'>[] = [];
  private readonly gradients = new Map<number, Float32Array>();
  private before: { values: Float32Array[]; optimizer: OptimizerSnapshot } | null = null;
  private after: OptimizerSnapshot | null = null;

  constructor(
    private readonly trainer: Trainer,
    private readonly inputId: string,
  ) {}

  batch(indices: Int32Array, x: Floats, y: Floats, n: number): void {
    const model = this.trainer.model;
    this.n = n;
    this.samples = Array.from(indices);
    this.input = Float32Array.from(x.subarray(0, n * size(model.inShape)));
    this.targets = Float32Array.from(y.subarray(0, n * size(model.outShape)));
  }

  forward(model: TrainModel, n: number, loss: number): void {
    this.loss = loss;
    this.outputs = model.activations(n);
    this.extras = model.layers.map((l) => ({
      winners: l instanceof MaxPoolLayer ? l.winners(n) : null,
      kept: l instanceof DropoutLayer ? l.keptMask(n) : null,
    }));
  }

  gradient(layer: number, dy: Floats): void {
    const shape =
      layer < 0 ? this.trainer.model.inShape : this.trainer.model.layers[layer]!.outShape;
    this.gradients.set(layer, Float32Array.from(dy.subarray(0, this.n * size(shape))));
  }

  update(when: 'before' | 'after', optimizer: OptimizerSnapshot): void {
    if (when === 'after') this.after = optimizer;
    else
      this.before = {
        values: this.trainer.model.params.map((p) => Float32Array.from(p.value)),
        optimizer,
      };
  }

  finish(report: StepReport): StepRecord {
    const model = this.trainer.model;
    if (!this.before || !this.after) throw new Error('the step was not recorded to its end');
    const before = this.before;
    let k = 0;
    const layers = model.layers.map((layer, i): LayerStep => {
      const params = layer.params.map((p): ParamStep => {
        const at = k++;
        return {
          name: p.name,
          shape: [...p.shape],
          before: before.values[at]!,
          grad: Float32Array.from(p.grad),
          after: Float32Array.from(p.value),
        };
      });
      return {
        node: layer.node,
        inShape: [...layer.inShape],
        outShape: [...layer.outShape],
        window: layer.window ?? null,
        output: this.outputs[i]!,
        outputGradient: this.gradients.get(i)!,
        params,
        ...this.extras[i]!,
      };
    });
    return {
      step: this.trainer.steps,
      epoch: report.epoch,
      batch: report.batch,
      n: this.n,
      samples: this.samples,
      inputId: this.inputId,
      inShape: [...model.inShape],
      input: this.input,
      targets: this.targets,
      inputGradient: this.gradients.get(-1)!,
      loss: this.loss,
      lossName: this.trainer.config.loss,
      layers,
      optimizerBefore: before.optimizer,
      optimizerAfter: this.after,
    };
  }
}
