import { describe, expect, it } from 'vitest';
import { explainConv2DCell, windowCells, windowWalk } from '../../src/engine/explain/conv2d.ts';
import { explainDenseUnit } from '../../src/engine/explain/dense.ts';
import { explainDropout, flattenSource } from '../../src/engine/explain/flatten-dropout.ts';
import { explainMaxPoolCell } from '../../src/engine/explain/max-pool.ts';
import { traceUpstream } from '../../src/engine/explain/trace.ts';
import { EngineSession } from '../../src/engine/session.ts';
import type { WindowInfo } from '../../src/graph/window.ts';
import { resolveNodeWeights } from '../../src/graph/weights.ts';
import { parseGraph } from '../../src/graph/parse.ts';
import type { GraphDocument, NodeOf } from '../../src/graph/types.ts';
import { makeRng, type Rng } from './rng.ts';

/** float32 outputs vs float64 explanations summed in another order. */
const close = (a: number, b: number) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-5 + 1e-5 * Math.abs(b));

function load(doc: unknown) {
  const parsed = parseGraph(doc);
  if (!parsed.ok) throw new Error(parsed.error);
  const session = new EngineSession();
  session.load(parsed.value);
  session.evaluate();
  return { doc: parsed.value, session };
}

function randomData(rng: Rng, n: number) {
  return Array.from({ length: n }, () => Math.round(rng.uniform(-3, 3) * 4) / 4);
}

function randomConvGraph(seed: number) {
  const rng = makeRng(seed);
  const [h, w, c] = [rng.int(1, 9), rng.int(1, 9), rng.int(1, 3)];
  const [kh, kw] = [rng.int(1, Math.min(4, h)), rng.int(1, Math.min(4, w))];
  const filters = rng.int(1, 3);
  const conv = {
    id: 'conv',
    type: 'Conv2D',
    params: {
      filters,
      kernelSize: [kh, kw],
      strides: [rng.int(1, 3), rng.int(1, 3)],
      padding: rng.pick(['valid', 'same']),
      activation: rng.pick(['linear', 'relu', 'sigmoid', 'tanh', 'softmax']),
      kernel: { shape: [kh, kw, c, filters], data: randomData(rng, kh * kw * c * filters) },
      bias: { shape: [filters], data: randomData(rng, filters) },
    },
  };
  const pool = {
    id: 'pool',
    type: 'MaxPool',
    params: {
      poolSize: [rng.int(1, 3), rng.int(1, 3)],
      padding: 'same',
      strides: [rng.int(1, 2), rng.int(1, 2)],
    },
  };
  const input = {
    id: 'in',
    type: 'Input',
    params: { tensor: { shape: [h, w, c], data: randomData(rng, h * w * c) } },
  };
  return load({
    format: 'convflow-graph',
    version: 1,
    nodes: [input, conv, pool],
    edges: [
      { source: 'in', target: 'conv' },
      { source: 'conv', target: 'pool' },
    ],
  });
}

/** The sliding-window geometry shape inference gave a node: the one the kernels used. */
function windowOf(session: EngineSession, id: string): WindowInfo {
  const shape = session.evaluate().shapes.get(id);
  if (!shape?.ok || !shape.window) throw new Error(`${id} has no window`);
  return shape.window;
}

function convOf(doc: GraphDocument) {
  return doc.nodes.find((n) => n.id === 'conv') as NodeOf<'Conv2D'>;
}

const seeds = Array.from({ length: 40 }, (_, i) => 1000 + i);

describe('explain data agrees with the engine', () => {
  it.each(seeds)(
    'conv seed=%i: every cell explained equals the output, windows and padding are right',
    (seed) => {
      const { doc, session } = randomConvGraph(seed);
      const shape = session.document && (session as EngineSession).output('conv');
      const report = session.evaluate();
      expect(report.recomputed).toEqual([]);
      const g = windowOf(session, 'conv');
      const node = convOf(doc);
      const {
        kernelSize: [kh, kw],
        filters,
      } = node.params;
      const input = session.output('in')!;
      const { kernel, bias } = resolveNodeWeights(node, input.shape[2]!);
      const walk = windowWalk(g);
      expect(walk.length * filters).toBe(shape!.data.length);
      walk.forEach(({ row, col }, i) => {
        const cells = windowCells(g, row, col);
        expect(cells).toHaveLength(kh * kw);
        for (const cell of cells) {
          const inside =
            cell.iy >= 0 && cell.iy < input.shape[0] && cell.ix >= 0 && cell.ix < input.shape[1];
          expect(cell.padding).toBe(!inside);
        }
        for (let f = 0; f < filters; f++) {
          const e = explainConv2DCell(
            input.data,
            kernel,
            bias,
            g,
            filters,
            node.params.activation,
            row,
            col,
            f,
          );
          expect(e.channels).toHaveLength(input.shape[2]);
          for (const ch of e.channels)
            close(
              ch.sum,
              ch.products.reduce((a, b) => a + b, 0),
            );
          close(
            e.total,
            e.channels.reduce((a, ch) => a + ch.sum, 0),
          );
          close(e.preActivation, e.total + e.bias);
          close(e.value, shape!.data[i * filters + f]);
        }
      });
    },
  );

  it.each(seeds)('pool seed=%i: the winning cell holds the output value', (seed) => {
    const { session } = randomConvGraph(seed);
    const conv = session.output('conv')!;
    const pool = session.output('pool')!;
    const g = windowOf(session, 'pool');
    const [oh, ow, c] = pool.shape;
    for (let row = 0; row < oh; row++)
      for (let col = 0; col < ow; col++)
        for (let ch = 0; ch < c; ch++) {
          const e = explainMaxPoolCell(conv.data, g, row, col, ch);
          expect(e.value).toBe(pool.data[(row * ow + col) * c + ch]);
          expect(conv.data[(e.winner.iy * conv.shape[1] + e.winner.ix) * c + ch]).toBe(e.value);
          expect(e.cells.every((cell) => cell.padding === (cell.value === null))).toBe(true);
        }
  });
});

const X5 = [0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0];
const DIAG = [0, 0, 1, 0, 1, 0, 1, 0, 0];

describe('slide 1 and 2, step by step', () => {
  const slide = (padding: string) =>
    load({
      format: 'convflow-graph',
      version: 1,
      edges: [{ source: 'in', target: 'conv' }],
      nodes: [
        { id: 'in', type: 'Input', params: { tensor: { shape: [5, 5, 1], data: X5 } } },
        {
          id: 'conv',
          type: 'Conv2D',
          params: {
            filters: 1,
            kernelSize: [3, 3],
            padding,
            useBias: false,
            kernel: { shape: [3, 3, 1, 1], data: DIAG },
          },
        },
      ],
    });

  it('x=[5,5,1] k=[3,3] valid: output (0,0) is the sum of products 3; the walk fills 3 0 1 / 0 2 0 / 1 0 3', () => {
    const { session } = slide('valid');
    const g = windowOf(session, 'conv');
    const kernel = Float32Array.from(DIAG);
    const first = explainConv2DCell(Float32Array.from(X5), kernel, null, g, 1, 'linear', 0, 0, 0);
    expect(first.channels[0].products).toEqual([0, 0, 1, 0, 1, 0, 1, 0, 0]);
    expect(first.value).toBe(3);
    const filled = windowWalk(g).map(
      ({ row, col }) =>
        explainConv2DCell(Float32Array.from(X5), kernel, null, g, 1, 'linear', row, col, 0).value,
    );
    expect(filled).toEqual([3, 0, 1, 0, 2, 0, 1, 0, 3]);
  });

  it('x=[5,5,1] k=[3,3] same: the corner window has 5 padding cells of zeros', () => {
    const { session } = slide('same');
    const g = windowOf(session, 'conv');
    const e = explainConv2DCell(
      Float32Array.from(X5),
      Float32Array.from(DIAG),
      null,
      g,
      1,
      'linear',
      0,
      0,
      0,
    );
    expect(e.cells.filter((c) => c.padding)).toHaveLength(5);
    expect(e.channels[0].inputs).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(windowWalk(g)).toHaveLength(25);
  });
});

describe('dense, dropout, flatten, tracing', () => {
  it('x=[9] units=3: unit 2 is the weighted sum of the nine inputs plus bias (slide 6 preset)', () => {
    const x = Float32Array.from([2, 1, 4, 5, 3, 2, 0, 2, 3]);
    const w = Float32Array.from([
      1, 0, -1, 0, 1, 0, -1, 0, 1, 1, 1, 0, 0, -1, 1, 0, 0, 1, 1, 0, 0, -1, 1, 0, 0, 0, 1,
    ]);
    const e = explainDenseUnit(x, w, Float32Array.from([0, 0, 1]), 9, 3, 'linear', 0, 2);
    expect(e.terms.map((t) => t.product)).toEqual([-2, 0, 4, 0, 3, 2, 0, 0, 3]);
    expect(e.sum).toBe(10);
    expect(e.value).toBe(11);
  });

  it('x=[40] top=5: the five largest |products| are shown and the rest summed', () => {
    const x = Float32Array.from({ length: 40 }, (_, i) => i - 20);
    const w = new Float32Array(40).fill(1);
    const e = explainDenseUnit(x, w, null, 40, 1, 'linear', 0, 0, 5);
    expect(e.terms.map((t) => Math.abs(t.product))).toEqual([20, 19, 19, 18, 18]);
    expect(e.omitted).toBe(35);
    expect(e.sum).toBe(-20);
    close(e.omittedSum + e.terms.reduce((a, t) => a + t.product, 0), -20);
  });

  it('dropout rate=0.5 training: the mask matches the engine and the scale is 2', () => {
    const { session } = load({
      format: 'convflow-graph',
      version: 1,
      edges: [{ source: 'in', target: 'd' }],
      nodes: [
        {
          id: 'in',
          type: 'Input',
          params: {
            tensor: { shape: [4, 4, 2], data: Array.from({ length: 32 }, (_, i) => i + 1) },
          },
        },
        { id: 'd', type: 'Dropout', params: { rate: 0.5, training: true, seed: 42 } },
      ],
    });
    const out = session.output('d')!.data;
    const e = explainDropout(32, 0.5, true, 42);
    expect(e.scale).toBe(2);
    for (let i = 0; i < 32; i++) expect(out[i]).toBe(e.keep[i] ? (i + 1) * 2 : 0);
    expect(e.dropped).toBe([...e.keep].filter((k) => k === 0).length);
    expect(explainDropout(32, 0.5, false, 42).dropped).toBe(0);
  });

  it('flatten x=[2,3,2]: index 7 came from row 1, col 0, channel 1', () => {
    expect(flattenSource([2, 3, 2], 7)).toEqual({ row: 1, col: 0, channel: 1 });
    expect(flattenSource([2, 3, 2], 11)).toEqual({ row: 1, col: 2, channel: 1 });
  });

  it('trace: pool (0,0) of conv 3x3 valid on 6x6 reaches a 4x4 input block', () => {
    const doc = parseGraph({
      format: 'convflow-graph',
      version: 1,
      nodes: [
        {
          id: 'in',
          type: 'Input',
          params: { tensor: { shape: [6, 6, 1], data: new Array(36).fill(1) } },
        },
        { id: 'conv', type: 'Conv2D', params: { filters: 2, kernelSize: [3, 3] } },
        { id: 'pool', type: 'MaxPool' },
        { id: 'flat', type: 'Flatten' },
        { id: 'dense', type: 'Dense', params: { units: 2 } },
      ],
      edges: [
        { source: 'in', target: 'conv' },
        { source: 'conv', target: 'pool' },
        { source: 'pool', target: 'flat' },
        { source: 'flat', target: 'dense' },
      ],
    });
    if (!doc.ok) throw new Error(doc.error);
    const session = new EngineSession();
    session.load(doc.value);
    const shapes = session.evaluate().shapes;
    const fromPool = traceUpstream(doc.value, shapes, 'pool', [0]);
    const inMask = [...fromPool.get('in')!];
    const expected = Array.from({ length: 36 }, (_, i) =>
      Math.floor(i / 6) < 4 && i % 6 < 4 ? 1 : 0,
    );
    expect(inMask).toEqual(expected);
    expect([...fromPool.get('conv')!].filter(Boolean)).toHaveLength(4);
    const fromDense = traceUpstream(doc.value, shapes, 'dense', [1]);
    expect([...fromDense.get('in')!].every((v) => v === 1)).toBe(true);
    expect([...fromDense.get('flat')!].every((v) => v === 1)).toBe(true);
  });
});
