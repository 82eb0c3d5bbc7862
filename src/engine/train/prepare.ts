import type { GraphDocument, InlineData, TrainingSpec } from '../../graph/types.ts';
import { checkTraining, trainingChain } from '../../graph/training-chain.ts';
import { firstSamples, type LabelledSet } from './data.ts';
import type { TrainingSetup } from './create-trainer.ts';

/** The training section, every default filled in (graph/training-schema.ts). */
export type TrainingSection = TrainingSpec;
export type InlineSamples = InlineData;

/** The built-in data sets, loaded on demand (from disk in the CLI, fetched in the app). */
export interface DatasetLoaders {
  mnist(): { train: LabelledSet; test: LabelledSet };
}

export type Prepared =
  { ok: true; setup: TrainingSetup } | { ok: false; path: string; error: string };

/**
 * Everything a Trainer needs from a document with a training section: the chain of layers,
 * the samples (inline or a data set, whose loader runs only here), and the fit's settings.
 * Shapes are checked again here, so a document that skipped its checks still gets a clear error.
 */
export function prepareTraining(
  doc: Pick<GraphDocument, 'nodes' | 'edges'>,
  section: TrainingSection,
  loaders: DatasetLoaders,
): Prepared {
  const problem = checkTraining(doc, section);
  if (problem) return { ok: false, ...problem };
  const chain = trainingChain(doc, section.input, section.output);
  if (!chain.ok) return chain;
  const inShape = chain.input.params.tensor.shape;
  const outShape = chain.links[chain.links.length - 1]!.shape.shape;
  let train: LabelledSet;
  let test: LabelledSet | null = null;
  if ('dataset' in section.data) {
    const sets = loaders.mnist();
    train = firstSamples(sets.train, section.data.limit ?? sets.train.count);
    test = sets.test;
  } else {
    train = inlineSet(section.data);
  }
  if (section.test) test = inlineSet(section.test);
  for (const [set, path] of [
    [train, 'training.data'],
    [test, 'training.test'],
  ] as const) {
    if (!set) continue;
    const problem = mismatch(set, inShape, outShape);
    if (problem) return { ok: false, path, error: problem };
  }
  const { loss, optimizer, batchSize, epochs, shuffle, seed } = section;
  return {
    ok: true,
    setup: {
      inputShape: inShape,
      chain: chain.links,
      train,
      test,
      config: { loss, optimizer, batchSize, epochs, shuffle, seed },
    },
  };
}

function inlineSet(s: InlineSamples): LabelledSet {
  return {
    count: s.x.shape[0]!,
    sampleShape: s.x.shape.slice(1),
    labelShape: s.y.shape.slice(1),
    x: s.x.data,
    y: s.y.data,
  };
}

function mismatch(
  set: LabelledSet,
  inShape: readonly number[],
  outShape: readonly number[],
): string | null {
  const same = (a: readonly number[], b: readonly number[]) =>
    a.length === b.length && a.every((v, i) => v === b[i]);
  if (!same(set.sampleShape, inShape))
    return `samples are [${set.sampleShape.join(', ')}] but the input is [${inShape.join(', ')}]`;
  if (!same(set.labelShape, outShape))
    return `labels are [${set.labelShape.join(', ')}] but the output is [${outShape.join(', ')}]`;
  return null;
}
