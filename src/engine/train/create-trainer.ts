import { newKernelRuntime } from '../wasm/runtime.ts';
import type { ChainLink } from '../../graph/training-chain.ts';
import type { LabelledSet } from './data.ts';
import { plainAllocator, type FloatAllocator } from './floats.ts';
import type { TrainKernels } from './kernels.ts';
import { referenceKernels } from './kernels-reference.ts';
import {
  allocateScratch,
  convScratch,
  denseScratch,
  largestNeeds,
  simdTrainKernels,
  type ScratchNeeds,
} from './kernels-simd.ts';
import { TrainModel } from './model.ts';
import { Trainer, type TrainerConfig } from './trainer.ts';
import { CountingAllocator, WasmArena } from './wasm-arena.ts';

export interface TrainingSetup {
  inputShape: readonly number[];
  chain: readonly ChainLink[];
  train: LabelledSet;
  test: LabelledSet | null;
  config: TrainerConfig;
  /** `auto` (the default): SIMD where WebAssembly SIMD runs, else the reference loops. */
  kernels?: 'auto' | 'simd' | 'reference';
}

/**
 * A Trainer over the fastest kernels here. With SIMD, every buffer (weights, gradients,
 * optimizer state, activations, scratch) lives in a kernel instance of its own, laid out
 * once: a sizing pass counts the bytes, then the real build fills exactly that.
 */
export function createTrainer(setup: TrainingSetup): Trainer {
  const rt = setup.kernels === 'reference' ? null : newKernelRuntime();
  if (!rt) {
    if (setup.kernels === 'simd') throw new Error('WebAssembly SIMD is not available here');
    return build(setup, plainAllocator(), () => referenceKernels);
  }
  const needs = largestNeeds(setup.chain.map(scratchOf));
  const counting = new CountingAllocator();
  build(setup, counting, (alloc) => (allocateScratch(alloc, needs), referenceKernels));
  const arena = new WasmArena(rt, counting.bytes);
  return build(setup, arena, (alloc) => simdTrainKernels(rt, allocateScratch(alloc, needs)));
}

function build(
  setup: TrainingSetup,
  alloc: FloatAllocator,
  kernelsFrom: (alloc: FloatAllocator) => TrainKernels,
): Trainer {
  const kernels = kernelsFrom(alloc);
  const model = new TrainModel(setup.inputShape, setup.chain, {
    maxBatch: setup.config.batchSize,
    seed: setup.config.seed,
    kernels,
    alloc,
  });
  return new Trainer(model, setup.train, setup.test, setup.config, alloc);
}

function scratchOf(link: ChainLink): ScratchNeeds {
  const { node, shape, inShape } = link;
  if (node.type === 'Conv2D') return convScratch(shape.window!, node.params.filters);
  if (node.type === 'Dense') return denseScratch(inShape[inShape.length - 1]!, node.params.units);
  return { padded: 0, columns: 0, packed: 0 };
}
