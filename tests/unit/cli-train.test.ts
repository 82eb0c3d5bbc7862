import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGraphText } from '../../src/graph/parse.ts';
import { expectRejected, runCli } from './cli-run.ts';

/**
 * `convflow train` end to end through the CLI process: tiny inline data (a real MNIST run
 * belongs to the bench), every hostile training section rejected in one line.
 */
function tinyGraph(training: Record<string, unknown> = {}) {
  const n = 6;
  const x = Array.from({ length: n * 16 }, (_, i) => ((i * 7919) % 13) / 13);
  const y = Array.from({ length: n * 2 }, (_, i) => (i % 2 === Math.floor(i / 2) % 2 ? 1 : 0));
  return {
    format: 'convflow-graph',
    version: 1,
    nodes: [
      {
        id: 'in',
        type: 'Input',
        params: { tensor: { shape: [4, 4, 1], data: new Array(16).fill(0) } },
      },
      { id: 'c', type: 'Conv2D', params: { filters: 2, kernelSize: [3, 3], activation: 'relu' } },
      { id: 'f', type: 'Flatten' },
      { id: 'out', type: 'Dense', params: { units: 2, activation: 'softmax' } },
    ],
    edges: [
      { source: 'in', target: 'c' },
      { source: 'c', target: 'f' },
      { source: 'f', target: 'out' },
    ],
    training: {
      input: 'in',
      output: 'out',
      data: { x: { shape: [n, 4, 4, 1], data: x }, y: { shape: [n, 2], data: y } },
      optimizer: { type: 'sgd', learningRate: 0.1 },
      batchSize: 4,
      epochs: 2,
      ...training,
    },
  };
}

const run = (doc: unknown, ...args: string[]) =>
  runCli(['train', '-', ...args], JSON.stringify(doc));

describe('convflow train', () => {
  it('prints the trained graph, every weight explicit, and a JSON line per epoch', () => {
    const r = run(tinyGraph());
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.epoch)).toEqual([1, 2]);
    expect(Object.keys(lines[0])).toEqual([
      'epoch',
      'loss',
      'accuracy',
      'testLoss',
      'testAccuracy',
      'seconds',
      'samplesPerSecond',
    ]);
    const trained = parseGraphText(r.stdout);
    if (!trained.ok) throw new Error(trained.error);
    const conv = trained.value.nodes.find((n) => n.id === 'c')!;
    expect(conv.type === 'Conv2D' && 'data' in conv.params.kernel).toBe(true);
    expect(trained.value.training?.epochs).toBe(2);
  });

  it('the same document trains to the same bytes twice; --epochs and --out', () => {
    const a = run(tinyGraph());
    const b = run(tinyGraph());
    expect(a.stdout).toBe(b.stdout);
    const dir = mkdtempSync(join(tmpdir(), 'convflow-train-'));
    const out = join(dir, 'trained.json');
    const c = run(tinyGraph(), '--epochs', '3', '--out', out);
    expect(c.status, c.stderr).toBe(0);
    expect(c.stdout).toBe('');
    expect(c.stderr.trim().split('\n')).toHaveLength(3);
    expect(parseGraphText(readFileSync(out, 'utf8')).ok).toBe(true);
  });

  it('a graph without a training section, or with a wrong option, is refused', () => {
    const doc = tinyGraph() as Record<string, unknown>;
    delete doc.training;
    expect(expectRejected(run(doc))).toBe('convflow: the document has no training section');
    expect(run(tinyGraph(), '--epochs', '0').status).toBe(2);
    expect(run(tinyGraph(), '--bogus', '1').status).toBe(2);
  });
});

describe('hostile training sections: exit 2 and one line, never a hang', () => {
  const n = 6;
  const cases: [string, Record<string, unknown>, RegExp][] = [
    [
      'a 10⁹-sample x',
      { data: { x: { shape: [1e9, 4, 4, 1], data: [] }, y: { shape: [1e9, 2], data: [] } } },
      /training\.data.*x\.shape: expected \[N, \.\.\.\]/,
    ],
    [
      'labels of the wrong width',
      {
        data: {
          x: { shape: [n, 4, 4, 1], data: new Array(n * 16).fill(0) },
          y: { shape: [n, 3], data: new Array(n * 3).fill(0) },
        },
      },
      /training\.data: labels are \[3\] but the output "out" is \[2\]/,
    ],
    [
      'a value that is not a finite float32',
      {
        data: {
          x: { shape: [n, 4, 4, 1], data: [...new Array(n * 16 - 1).fill(0), 1e39] },
          y: { shape: [n, 2], data: new Array(n * 2).fill(0) },
        },
      },
      /training\.data\.x\.data\[95\]: expected an array of finite numbers/,
    ],
    [
      'null in the labels',
      {
        data: {
          x: { shape: [n, 4, 4, 1], data: new Array(n * 16).fill(0) },
          y: { shape: [n, 2], data: [null, ...new Array(n * 2 - 1).fill(0)] },
        },
      },
      /training\.data\.y\.data\[0\]/,
    ],
    [
      'an epochs count of 10⁹',
      { epochs: 1e9 },
      /training\.epochs: expected an integer from 1 to 1000/,
    ],
    [
      'a dataset name that is a path',
      { data: { dataset: '../../etc/passwd' } },
      /training\.data\.dataset: expected "mnist"/,
    ],
    [
      'a batch size under 1',
      { batchSize: 0 },
      /training\.batchSize: expected an integer from 1 to 1024/,
    ],
    ['an output not downstream of the input', { output: 'in' }, /training\.output/],
    ['an unknown node', { input: 'nope' }, /training\.input: no node "nope"/],
    [
      'x and y of different N',
      {
        data: {
          x: { shape: [n, 4, 4, 1], data: new Array(n * 16).fill(0) },
          y: { shape: [n - 1, 2], data: new Array((n - 1) * 2).fill(0) },
        },
      },
      /training\.data\.y\.shape: expected N = 6 samples, as in x, got 5/,
    ],
    [
      'mnist for a graph of another shape',
      { data: { dataset: 'mnist' } },
      /training\.data \(mnist\): samples are \[28, 28, 1\]/,
    ],
  ];
  for (const [name, training, message] of cases) {
    it(name, () => {
      expect(expectRejected(run(tinyGraph(training)))).toMatch(message);
    });
  }

  it('a training section whose graph has a node error names the node', () => {
    const doc = tinyGraph();
    (doc.nodes[1] as { params: Record<string, unknown> }).params.kernelSize = [5, 5];
    expect(expectRejected(run(doc))).toMatch(
      /nodes\[1\]: node "c": Conv2D kernel 5×5 is larger than its 4×4 input/,
    );
  });
});
