import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-run.ts';
import { chain, convKernel, graph, hwc, inputNode, tensorValue } from './helpers.ts';

interface CliOutput {
  outputs: Record<string, { shape: number[]; data: number[] }>;
  errors: Record<string, string>;
}

const slideImage = [
  [0, 0, 1, 0, 0],
  [0, 1, 0, 1, 0],
  [1, 0, 0, 0, 1],
  [0, 1, 0, 1, 0],
  [0, 0, 1, 0, 0],
];
const slideConv = (id: string, padding: string) => ({
  id,
  type: 'Conv2D',
  params: {
    filters: 1,
    kernelSize: [3, 3],
    padding,
    useBias: false,
    kernel: convKernel([
      [
        [
          [0, 0, 1],
          [0, 1, 0],
          [1, 0, 0],
        ],
      ],
    ]),
  },
});

const slidesDoc = graph(
  [
    inputNode('in', hwc(slideImage)),
    slideConv('valid', 'valid'),
    slideConv('same', 'same'),
    { id: 'pool', type: 'MaxPool', params: { poolSize: [2, 2] } },
    {
      id: 'pin',
      type: 'Input',
      params: {
        tensor: hwc([
          [3, 1, 0, 5],
          [0, 2, 4, 2],
          [2, 0, 3, 1],
          [4, 5, 4, 2],
        ]),
      },
    },
    {
      id: 'fin',
      type: 'Input',
      params: { tensor: tensorValue([3, 3, 1], [2, 1, 4, 5, 3, 2, 0, 2, 3]) },
    },
    { id: 'flat', type: 'Flatten' },
    {
      id: 'third',
      type: 'Dense',
      params: {
        units: 1,
        kernel: tensorValue([9, 1], [0, 0, 0, 0, 0, 0, 0, 0, 1]),
        bias: tensorValue([1], [0.5]),
      },
    },
  ],
  [
    ['in', 'valid'],
    ['in', 'same'],
    ['pin', 'pool'],
    ['fin', 'flat'],
    ['flat', 'third'],
  ],
);

let dir = '';
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'convflow-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('convflow eval', () => {
  it('a valid graph: exit 0, the slide numbers on stdout, nothing on stderr', () => {
    const r = runCli(['eval', file('slides.json', slidesDoc)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as CliOutput;
    expect(out.errors).toEqual({});
    expect(out.outputs.valid).toEqual({ shape: [3, 3, 1], data: [3, 0, 1, 0, 2, 0, 1, 0, 3] });
    expect(out.outputs.same).toEqual({
      shape: [5, 5, 1],
      data: [0, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 2, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 0],
    });
    expect(out.outputs.pool).toEqual({ shape: [2, 2, 1], data: [3, 5, 5, 4] });
    expect(out.outputs.flat).toEqual({ shape: [9], data: [2, 1, 4, 5, 3, 2, 0, 2, 3] });
    expect(out.outputs.third).toEqual({ shape: [1], data: [3.5] });
    expect(Object.keys(out.outputs).sort()).toEqual(
      ['fin', 'flat', 'in', 'pin', 'pool', 'same', 'third', 'valid'].sort(),
    );
  });

  it('reads the document from stdin with -', () => {
    const doc = chain(inputNode('in', tensorValue([1, 1, 2], [0.1, -2])), {
      id: 'f',
      type: 'Flatten',
    });
    const r = runCli(['eval', '-'], JSON.stringify(doc));
    expect(r.status).toBe(0);
    // float32 values print as their shortest round-tripping decimal.
    expect((JSON.parse(r.stdout) as CliOutput).outputs.f).toEqual({ shape: [2], data: [0.1, -2] });
  });

  it('a node error: exit 1, the error and its descendants listed, the other nodes printed', () => {
    const doc = graph(
      [
        inputNode('in', hwc(slideImage)),
        slideConv('ok', 'valid'),
        { id: 'big', type: 'Conv2D', params: { filters: 1, kernelSize: [7, 7] } },
        { id: 'after', type: 'Flatten' },
      ],
      [
        ['in', 'ok'],
        ['in', 'big'],
        ['big', 'after'],
      ],
    );
    const r = runCli(['eval', file('node-error.json', doc)]);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as CliOutput;
    expect(out.outputs.ok?.data).toEqual([3, 0, 1, 0, 2, 0, 1, 0, 3]);
    expect(Object.keys(out.outputs).sort()).toEqual(['in', 'ok']);
    expect(out.errors.big).toMatch(/7×7 is larger than its 5×5 input/);
    expect(out.errors.after).toBe('input "big" has an error');
  });

  it('--profile writes one line per node and a total to stderr', () => {
    const r = runCli(['eval', file('profile.json', slidesDoc), '--profile']);
    expect(r.status).toBe(0);
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    const lines = r.stderr.trimEnd().split('\n');
    const ids = ['in', 'valid', 'same', 'pin', 'pool', 'fin', 'flat', 'third'];
    expect(lines).toHaveLength(ids.length + 1);
    for (const id of ids) {
      const line = lines.find((l) => l.split(/\s+/)[0] === id);
      expect(line, `profile line for ${id}`).toMatch(/\d+\.\d+ ms$/);
    }
    expect(lines.find((l) => l.startsWith('valid'))).toMatch(/Conv2D\s+3×3×1/);
    expect(lines.at(-1)).toMatch(/^total: 8 nodes in \d+\.\d+ ms$/);
  });

  it('a node id "__proto__" is an ordinary key in the output', () => {
    const text =
      '{"format":"convflow-graph","version":1,"nodes":[' +
      '{"id":"__proto__","type":"Input","params":{"tensor":{"shape":[1,1,2],"data":[4,5]}}},' +
      '{"id":"constructor","type":"Flatten"}],"edges":[{"source":"__proto__","target":"constructor"}]}';
    const r = runCli(['eval', '-'], text);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as CliOutput;
    expect(Object.keys(out.outputs)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(out.outputs, '__proto__')?.value).toEqual({
      shape: [1, 1, 2],
      data: [4, 5],
    });
    expect(out.outputs.constructor).toEqual({ shape: [2], data: [4, 5] });
  });

  it('an unknown command: exit 2', () => {
    const r = runCli(['run', 'x.json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^convflow: unknown command "run"\n/);
  });
});
