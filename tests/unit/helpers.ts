import { expect } from 'vitest';
import { EngineSession, type EvaluationReport } from '../../src/engine/session.ts';
import { parseGraph } from '../../src/graph/parse.ts';
import { toJsonValue } from '../../src/graph/tensor-data.ts';
import type { GraphDocument } from '../../src/graph/types.ts';

/**
 * Builders for small graph documents and tensors, written from the format's definition
 * (flat, row-major, channels last; kernels `[kh, kw, inC, filters]`) rather than from the
 * engine, so a layout bug in the engine shows up as a wrong number.
 */

export type Grid = readonly (readonly number[])[];
export type Edge = readonly [string, string];

export interface NodeSpec {
  id: string;
  type: string;
  params?: Record<string, unknown>;
  position?: { x: number; y: number };
  label?: string;
}

export function graph(nodes: readonly NodeSpec[], edges: readonly Edge[] = []) {
  return {
    format: 'convflow-graph',
    version: 1,
    nodes: nodes.map((n) => ({ ...n })),
    edges: edges.map(([source, target]) => ({ source, target })),
  };
}

/** Nodes connected one after another: `chain(a, b, c)` has edges a→b and b→c. */
export function chain(...nodes: NodeSpec[]) {
  const edges: Edge[] = [];
  for (let i = 1; i < nodes.length; i++) edges.push([nodes[i - 1]!.id, nodes[i]!.id]);
  return graph(nodes, edges);
}

export function tensorValue(shape: readonly number[], data: readonly number[]) {
  return { shape: [...shape], data: [...data] };
}

/**
 * in side×side×3 (seeded values in [-1, 1]) → c1 Conv2D `filters` (3×3 same) → p MaxPool 2×2
 * → f Flatten → d Dense `units`, parsed.
 */
export function pipelineDocument(side: number, filters: number, units: number): GraphDocument {
  const data = Array.from({ length: side * side * 3 }, (_, i) => ((i * 37) % 101) / 50 - 1);
  const parsed = parseGraph(
    chain(
      inputNode('in', tensorValue([side, side, 3], data)),
      { id: 'c1', type: 'Conv2D', params: { filters, kernelSize: [3, 3], padding: 'same' } },
      { id: 'p', type: 'MaxPool', params: { poolSize: [2, 2] } },
      { id: 'f', type: 'Flatten' },
      { id: 'd', type: 'Dense', params: { units } },
    ),
  );
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** `[H, W, C]` tensor from one H×W grid per channel: element (y, x, c) is `grids[c][y][x]`. */
export function hwc(...grids: Grid[]) {
  const h = grids[0]!.length;
  const w = grids[0]![0]!.length;
  const data: number[] = [];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) for (const g of grids) data.push(g[y]![x]!);
  return tensorValue([h, w, grids.length], data);
}

/** One channel of an `[H, W, C]` flat array, as an H×W grid. */
export function channel(data: ArrayLike<number>, shape: readonly number[], c: number): number[][] {
  const [h, w, cs] = shape as [number, number, number];
  const rows: number[][] = [];
  for (let y = 0; y < h; y++) {
    const row: number[] = [];
    for (let x = 0; x < w; x++) row.push(data[(y * w + x) * cs + c]!);
    rows.push(row);
  }
  return rows;
}

/**
 * Conv2D kernel `[kh, kw, inC, filters]` from `slices[f][c]`, the kh×kw grid that filter f
 * lays over input channel c.
 */
export function convKernel(slices: readonly (readonly Grid[])[]) {
  const filters = slices.length;
  const inC = slices[0]!.length;
  const kh = slices[0]![0]!.length;
  const kw = slices[0]![0]![0]!.length;
  const data: number[] = [];
  for (let ky = 0; ky < kh; ky++)
    for (let kx = 0; kx < kw; kx++)
      for (let c = 0; c < inC; c++)
        for (let f = 0; f < filters; f++) data.push(slices[f]![c]![ky]![kx]!);
  return tensorValue([kh, kw, inC, filters], data);
}

/** Dense kernel `[inUnits, units]` from its columns: `columns[u][i]` weighs input i for unit u. */
export function denseKernel(columns: readonly (readonly number[])[]) {
  const units = columns.length;
  const inUnits = columns[0]!.length;
  const data: number[] = [];
  for (let i = 0; i < inUnits; i++) for (let u = 0; u < units; u++) data.push(columns[u]![i]!);
  return tensorValue([inUnits, units], data);
}

export function inputNode(id: string, value: { shape: number[]; data: number[] }): NodeSpec {
  return { id, type: 'Input', params: { tensor: value } };
}

export interface Evaluated {
  report: EvaluationReport;
  session: EngineSession;
  /** Output of a node that must have succeeded, as a plain array. */
  out(id: string): { shape: number[]; data: number[] };
  error(id: string): string | undefined;
}

/** Parse (the document must be valid) and evaluate every node once. */
export function evaluate(doc: unknown): Evaluated {
  const parsed = parseGraph(doc);
  if (!parsed.ok) throw new Error(`test document rejected: ${parsed.error}`);
  const session = new EngineSession();
  session.load(parsed.value);
  const report = session.evaluate();
  return {
    report,
    session,
    out(id) {
      const t = report.outputs.get(id);
      if (!t) throw new Error(`no output for "${id}": ${report.errors.get(id) ?? 'not computed'}`);
      return { shape: [...t.shape], data: Array.from(t.data) };
    },
    error: (id) => report.errors.get(id),
  };
}

/** The message a document is rejected with (fails the test if it is accepted). */
export function rejection(doc: unknown): string {
  const parsed = parseGraph(doc);
  expect(parsed.ok, 'the document should be rejected').toBe(false);
  return parsed.ok ? '' : parsed.error;
}

/** Element-wise closeness for float32 results of non-integer arithmetic. */
export function expectClose(actual: readonly number[], expected: readonly number[], digits = 6) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => expect(actual[i], `element ${i}`).toBeCloseTo(e, digits));
}

/** `0, 1, …, n - 1` reshaped as an H×W grid, plus `offset`. */
export function rampGrid(h: number, w: number, offset = 0): number[][] {
  return Array.from({ length: h }, (_, y) =>
    Array.from({ length: w }, (_, x) => y * w + x + offset),
  );
}

/**
 * The published mulberry32 (Tommy Ettinger's, as bryc writes it), kept here independent of
 * the engine's copy so the documented PRNG is checked, not assumed.
 */
export function referenceMulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    let t = (a = (a + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A document (or any value holding tensors) as it reads in JSON: typed arrays become plain
 * arrays of the shortest float32 decimals, so it compares with literals such as `[0.299]`.
 */
export function plain(value: unknown): unknown {
  return toJsonValue(value);
}
