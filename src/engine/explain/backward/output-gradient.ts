import { EPSILON } from '../../train/losses.ts';
import type { LayerStep, StepRecord } from '../../train/step-record.ts';
import { preActivationGradient, sizeOf } from './layer-input.ts';

/** One contribution from the layer above: a weight times the δ of a sum the cell fed. */
export interface UpstreamTerm {
  /** Where, in the layer above's output: [row, col, filter] or [row, unit]. */
  at: number[];
  weight: number;
  delta: number;
  product: number;
}

/** Where the gradient at one cell came from. */
export type GradientSource =
  | {
      kind: 'mse';
      y: number;
      t: number;
      /** Values over which the loss is the mean: samples × the output's size. */
      count: number;
    }
  | {
      kind: 'crossentropy';
      y: number;
      t: number;
      /** The row's sum s, the probability p = y/s clipped to [ε, 1 − ε], rows in the batch. */
      rowSum: number;
      p: number;
      clipped: boolean;
      rows: number;
      /** g = −t/p for this cell; Σ g·q over the row (q = y/s). */
      g: number;
      rowTerm: number;
    }
  | { kind: 'conv'; terms: UpstreamTerm[] }
  | { kind: 'dense'; terms: UpstreamTerm[] }
  | {
      kind: 'pool';
      /** The pooling windows over this cell: their output position, whether it won, their gradient. */
      windows: { at: number[]; winner: boolean; gradient: number }[];
    }
  | { kind: 'flatten'; at: number; gradient: number }
  | { kind: 'dropout'; kept: boolean; scale: number; gradient: number };

export interface OutputGradientExplanation {
  /** The layer whose output holds the cell; −1 is the Input. */
  layer: number;
  sample: number;
  cell: number;
  /** The node the gradient arrived from (the layer above), or null from the loss. */
  from: string | null;
  source: GradientSource;
  /** The gradient as this explanation computes it (in float64 from the terms). */
  computed: number;
  /** The engine's own. */
  engine: number;
}

/** The gradient of the batch's mean loss at `cell` of layer `layer`'s output, sample `sample`. */
export function explainOutputGradient(
  record: StepRecord,
  layer: number,
  sample: number,
  cell: number,
): OutputGradientExplanation {
  const here = layer < 0 ? record.inShape : record.layers[layer]?.outShape;
  if (!here) throw new Error(`there is no layer ${layer}`);
  const size = sizeOf(here);
  if (!(sample >= 0 && sample < record.n && cell >= 0 && cell < size))
    throw new Error(`sample ${sample}, cell ${cell} is outside the batch`);
  const engine =
    layer < 0
      ? record.inputGradient[sample * size + cell]!
      : record.layers[layer]!.outputGradient[sample * size + cell]!;
  const above = record.layers[layer + 1];
  const source = above
    ? fromAbove(record, layer + 1, sample, cell)
    : fromLoss(record, sample, cell);
  return {
    layer,
    sample,
    cell,
    from: above ? above.node.id : null,
    source,
    computed: valueOf(source),
    engine,
  };
}

/** The gradient a source adds up to. */
export function valueOf(source: GradientSource): number {
  switch (source.kind) {
    case 'mse':
      return (2 * (source.y - source.t)) / source.count;
    case 'crossentropy':
      return (source.g - source.rowTerm) / source.rowSum / source.rows;
    case 'conv':
    case 'dense':
      return source.terms.reduce((a, t) => a + t.product, 0);
    case 'pool':
      return source.windows.reduce((a, w) => a + (w.winner ? w.gradient : 0), 0);
    case 'flatten':
      return source.gradient;
    case 'dropout':
      return source.kept ? source.gradient * source.scale : 0;
  }
}

function fromLoss(record: StepRecord, sample: number, cell: number): GradientSource {
  const last = record.layers[record.layers.length - 1]!;
  const size = sizeOf(last.outShape);
  const at = sample * size + cell;
  const y = last.output[at]!;
  const t = record.targets[at]!;
  if (record.lossName === 'meanSquaredError') return { kind: 'mse', y, t, count: record.n * size };
  const lastDim = last.outShape[last.outShape.length - 1]!;
  const start = at - (at % lastDim);
  let s = 0;
  for (let i = start; i < start + lastDim; i++) s += last.output[i]!;
  const pOf = (i: number) => {
    const q32 = Math.fround(last.output[i]! / Math.fround(s));
    const inside = q32 >= EPSILON && q32 <= 1 - EPSILON;
    const p = inside ? last.output[i]! / s : q32 < EPSILON ? EPSILON : 1 - EPSILON;
    return { p, inside, g: inside ? -record.targets[i]! / p : 0 };
  };
  let rowTerm = 0;
  for (let i = start; i < start + lastDim; i++) rowTerm += pOf(i).g * (last.output[i]! / s);
  const mine = pOf(at);
  return {
    kind: 'crossentropy',
    y,
    t,
    rowSum: s,
    p: mine.p,
    clipped: !mine.inside,
    rows: (record.n * size) / lastDim,
    g: mine.g,
    rowTerm,
  };
}

function fromAbove(record: StepRecord, i: number, sample: number, cell: number): GradientSource {
  const above = record.layers[i]!;
  const outSize = sizeOf(above.outShape);
  const dy = above.outputGradient.subarray(sample * outSize, (sample + 1) * outSize);
  switch (above.node.type) {
    case 'Conv2D':
      return { kind: 'conv', terms: convTerms(above, sample, cell) };
    case 'Dense':
      return { kind: 'dense', terms: denseTerms(above, sample, cell) };
    case 'MaxPool':
      return poolSource(record, i, sample, cell, dy);
    case 'Flatten':
      return { kind: 'flatten', at: cell, gradient: dy[cell]! };
    case 'Dropout': {
      const rate = above.node.params.rate;
      const kept = above.kept ? above.kept[sample * outSize + cell] === 1 : true;
      const scale = above.kept ? 1 / (1 - rate) : 1;
      return { kind: 'dropout', kept, scale, gradient: dy[cell]! };
    }
    case 'Input':
      throw new Error('an Input cannot be above another layer');
  }
}

/** Every (output position, filter) whose window covered input cell `cell`: weight × δ. */
function convTerms(above: LayerStep, sample: number, cell: number): UpstreamTerm[] {
  const g = above.window!;
  const filters = above.outShape[2]!;
  const kernel = above.params.find((p) => p.name === 'kernel')!.before;
  const delta = preActivationGradient(above);
  const base = sample * sizeOf(above.outShape);
  const c = cell % g.inC;
  const pos = Math.floor(cell / g.inC);
  const [iy, ix] = [Math.floor(pos / g.inW), pos % g.inW];
  const terms: UpstreamTerm[] = [];
  for (let oy = 0; oy < g.outH; oy++) {
    const ky = iy - (oy * g.sh - g.padTop);
    if (ky < 0 || ky >= g.kh) continue;
    for (let ox = 0; ox < g.outW; ox++) {
      const kx = ix - (ox * g.sw - g.padLeft);
      if (kx < 0 || kx >= g.kw) continue;
      for (let f = 0; f < filters; f++) {
        const weight = kernel[((ky * g.kw + kx) * g.inC + c) * filters + f]!;
        const d = delta[base + (oy * g.outW + ox) * filters + f]!;
        terms.push({ at: [oy, ox, f], weight, delta: d, product: weight * d });
      }
    }
  }
  return terms;
}

/** Every unit j the cell fed: W[i, j] × δ_j, in the cell's row. */
function denseTerms(above: LayerStep, sample: number, cell: number): UpstreamTerm[] {
  const units = above.outShape[above.outShape.length - 1]!;
  const inUnits = above.inShape[above.inShape.length - 1]!;
  const kernel = above.params.find((p) => p.name === 'kernel')!.before;
  const delta = preActivationGradient(above);
  const row = Math.floor(cell / inUnits);
  const i = cell % inUnits;
  const base = sample * sizeOf(above.outShape) + row * units;
  return Array.from({ length: units }, (_, j) => {
    const weight = kernel[i * units + j]!;
    const d = delta[base + j]!;
    return { at: [row, j], weight, delta: d, product: weight * d };
  });
}

function poolSource(
  record: StepRecord,
  i: number,
  sample: number,
  cell: number,
  dy: Float32Array,
): GradientSource {
  const above = record.layers[i]!;
  const g = above.window!;
  const inSize = sizeOf(above.inShape);
  const outSize = sizeOf(above.outShape);
  const c = cell % g.inC;
  const pos = Math.floor(cell / g.inC);
  const [iy, ix] = [Math.floor(pos / g.inW), pos % g.inW];
  const windows: { at: number[]; winner: boolean; gradient: number }[] = [];
  for (let oy = 0; oy < g.outH; oy++) {
    const top = oy * g.sh - g.padTop;
    if (iy < top || iy >= top + g.kh) continue;
    for (let ox = 0; ox < g.outW; ox++) {
      const left = ox * g.sw - g.padLeft;
      if (ix < left || ix >= left + g.kw) continue;
      const o = (oy * g.outW + ox) * g.inC + c;
      const winner = above.winners![sample * outSize + o] === sample * inSize + cell;
      windows.push({ at: [oy, ox, c], winner, gradient: dy[o]! });
    }
  }
  return { kind: 'pool', windows };
}
