import { describe, expect, it } from 'vitest';
import { parseGraph, parseGraphText } from '../../src/graph/parse.ts';
import { chain, graph, inputNode, rejection, tensorValue, type NodeSpec } from './helpers.ts';

const input = inputNode('in', tensorValue([2, 2, 1], [1, 2, 3, 4]));
/** Input → one node under test, whose index in `nodes` is 1. */
const withNode = (node: Omit<NodeSpec, 'id'>) => chain(input, { id: 'x', ...node });
const conv = (params: Record<string, unknown>) =>
  withNode({ type: 'Conv2D', params: { filters: 1, kernelSize: [1, 1], ...params } });

describe('document errors: not JSON', () => {
  it.each(['', '{', '{"format": "convflow-graph",}', 'null null', 'NaN'])(
    'rejects %j as not JSON',
    (text) => {
      const r = parseGraphText(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^not JSON: /);
    },
  );

  it('a line break quoted from the text stays escaped on one line', () => {
    const r = parseGraphText('nul\nl');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).not.toMatch(/[\n\r]/);
  });

  it.each([
    ['null', 'document'],
    ['[]', 'document'],
    ['42', 'document'],
  ])('rejects JSON %s that is not a document object', (text, where) => {
    const r = parseGraphText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.startsWith(`${where}: `)).toBe(true);
  });
});

describe('document errors: header', () => {
  it('wrong format name', () => {
    expect(rejection({ ...graph([input]), format: 'keras' })).toBe(
      'format: expected "convflow-graph"',
    );
  });

  it('unsupported version', () => {
    expect(rejection({ ...graph([input]), version: 2 })).toBe(
      'version: expected 1 (the only version this build reads)',
    );
  });

  it('nodes not an array', () => {
    expect(rejection({ ...graph([]), nodes: {} })).toBe('nodes: expected an array of nodes');
  });
});

describe('document errors: schema violations', () => {
  it.each<[string, unknown, string]>([
    [
      'unknown type',
      withNode({ type: 'Conv3D', params: {} }),
      'nodes[1].type: expected one of "Input", "Conv2D", "MaxPool", "Flatten", "Dense", "Dropout"',
    ],
    [
      'bad padding enum',
      conv({ padding: 'full' }),
      'nodes[1].params.padding: expected "valid" or "same"',
    ],
    [
      'bad activation enum',
      conv({ activation: 'gelu' }),
      'nodes[1].params.activation: expected one of "linear", "relu", "sigmoid", "tanh", "softmax"',
    ],
    [
      'bad initializer name',
      conv({ kernel: { init: 'normal', seed: 1 } }),
      'nodes[1].params.kernel: expected a tensor {shape, data} or an initializer {init, seed}',
    ],
    [
      'kernelSize 0',
      conv({ kernelSize: [0, 1] }),
      'nodes[1].params.kernelSize: expected two integers from 1 to 64',
    ],
    [
      'kernelSize 1.5',
      conv({ kernelSize: [1.5, 1] }),
      'nodes[1].params.kernelSize: expected two integers from 1 to 64',
    ],
    [
      'kernelSize 65 (over the limit)',
      conv({ kernelSize: [65, 1] }),
      'nodes[1].params.kernelSize: expected two integers from 1 to 64',
    ],
    [
      'kernelSize one number',
      conv({ kernelSize: 3 }),
      'nodes[1].params.kernelSize: expected two integers from 1 to 64',
    ],
    [
      'strides 0',
      conv({ strides: [0, 1] }),
      'nodes[1].params.strides: expected two integers from 1 to 64',
    ],
    [
      'strides 65 (over the limit)',
      conv({ strides: [1, 65] }),
      'nodes[1].params.strides: expected two integers from 1 to 64',
    ],
    [
      'pool 65 (over the limit)',
      withNode({ type: 'MaxPool', params: { poolSize: [65, 2] } }),
      'nodes[1].params.poolSize: expected two integers from 1 to 64',
    ],
    [
      'pool strides −1',
      withNode({ type: 'MaxPool', params: { strides: [-1, 2] } }),
      'nodes[1].params.strides: expected two integers from 1 to 64',
    ],
    [
      'filters 0',
      conv({ filters: 0 }),
      'nodes[1].params.filters: expected an integer from 1 to 1024',
    ],
    [
      'filters 2.5',
      conv({ filters: 2.5 }),
      'nodes[1].params.filters: expected an integer from 1 to 1024',
    ],
    [
      'filters "3"',
      conv({ filters: '3' }),
      'nodes[1].params.filters: expected an integer from 1 to 1024',
    ],
    [
      'units −1',
      withNode({ type: 'Dense', params: { units: -1 } }),
      'nodes[1].params.units: expected an integer from 1 to 65536',
    ],
    [
      'dropout rate 1',
      withNode({ type: 'Dropout', params: { rate: 1 } }),
      'nodes[1].params.rate: expected a number from 0 up to (not including) 1',
    ],
    [
      'dropout rate −0.1',
      withNode({ type: 'Dropout', params: { rate: -0.1 } }),
      'nodes[1].params.rate: expected a number from 0 up to (not including) 1',
    ],
    [
      'dropout seed 0.5',
      withNode({ type: 'Dropout', params: { rate: 0.5, seed: 0.5 } }),
      'nodes[1].params.seed: expected an integer from 0 to 4294967295',
    ],
    ['useBias "yes"', conv({ useBias: 'yes' }), 'nodes[1].params.useBias: expected true or false'],
    [
      'Input of rank 2',
      graph([inputNode('in', tensorValue([2, 2], [1, 2, 3, 4]))]),
      'nodes[0].params.tensor.shape: expected [H, W, C]: H and W from 1 to 4096, C from 1 to 4096',
    ],
    [
      'Input with a 0 dimension',
      graph([inputNode('in', tensorValue([2, 0, 1], []))]),
      'nodes[0].params.tensor.shape: expected [H, W, C]: H and W from 1 to 4096, C from 1 to 4096',
    ],
    [
      'data not finite numbers',
      graph([
        { id: 'in', type: 'Input', params: { tensor: { shape: [1, 1, 2], data: [1, '2'] } } },
      ]),
      'nodes[0].params.tensor.data[1]: expected an array of finite numbers (float32: magnitude at most 3.4e38)',
    ],
    [
      'data that overflows float32',
      graph([inputNode('in', tensorValue([1, 1, 2], [1, 1e39]))]),
      'nodes[0].params.tensor.data[1]: expected an array of finite numbers (float32: magnitude at most 3.4e38)',
    ],
    ['empty id', graph([{ ...input, id: '' }]), 'nodes[0].id: expected a non-empty id'],
  ])('%s', (_name, doc, message) => {
    expect(rejection(doc)).toBe(message);
  });

  it('data length not matching shape', () => {
    expect(rejection(graph([inputNode('in', tensorValue([2, 2, 1], [1, 2, 3]))]))).toBe(
      'nodes[0].params.tensor.data: expected 4 values for shape [2, 2, 1], got 3',
    );
  });

  it('data length not matching a kernel shape', () => {
    expect(rejection(conv({ kernel: { shape: [1, 1, 1, 1], data: [1, 2] } }))).toBe(
      'nodes[1].params.kernel.data: expected 1 values for shape [1, 1, 1, 1], got 2',
    );
  });

  it('a tensor over 16,777,216 elements: a 10⁹-element Input shape', () => {
    expect(rejection(graph([inputNode('in', tensorValue([1000, 1000, 1000], []))]))).toBe(
      'nodes[0].params.tensor.shape: 1000×1000×1000 is 1000000000 elements, over the limit of 16777216',
    );
  });

  it('a tensor over 16,777,216 elements: 4096×4096×2 Input', () => {
    expect(rejection(graph([inputNode('in', tensorValue([4096, 4096, 2], []))]))).toMatch(
      /^nodes\[0\]\.params\.tensor\.shape: 4096×4096×2 is 33554432 elements, over the limit of 16777216/,
    );
  });

  it('a weight over 16,777,216 elements', () => {
    const doc = withNode({
      type: 'Dense',
      params: { units: 4096, kernel: { shape: [4097, 4096], data: [] } },
    });
    expect(rejection(doc)).toMatch(
      /^nodes\[1\]\.params\.kernel\.shape: 4097×4096 is \d+ elements, over the limit of 16777216/,
    );
  });

  it('more than 500 nodes', () => {
    const nodes = Array.from({ length: 501 }, (_, i) =>
      inputNode(`n${i}`, tensorValue([1, 1, 1], [i])),
    );
    expect(rejection(graph(nodes))).toBe('nodes: expected at most 500 nodes');
    expect(parseGraph(graph(nodes.slice(0, 500))).ok).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'Conv2D kernel disagreeing with kernelSize',
      { filters: 1, kernelSize: [3, 3], kernel: tensorValue([2, 2, 1, 1], [1, 1, 1, 1]) },
      'nodes[1].params.kernel.shape: expected [3, 3, inC, 1] for kernelSize [3, 3] and filters 1, got [2, 2, 1, 1]',
    ],
    [
      'Conv2D kernel disagreeing with filters',
      { filters: 2, kernelSize: [1, 1], kernel: tensorValue([1, 1, 1, 3], [1, 2, 3]) },
      'nodes[1].params.kernel.shape: expected [1, 1, inC, 2] for kernelSize [1, 1] and filters 2, got [1, 1, 1, 3]',
    ],
    [
      'Conv2D kernel of the wrong rank',
      { filters: 1, kernelSize: [1, 1], kernel: tensorValue([1, 1], [1]) },
      'nodes[1].params.kernel.shape: expected [1, 1, inC, 1] for kernelSize [1, 1] and filters 1, got [1, 1]',
    ],
    [
      'Conv2D bias disagreeing with filters',
      { filters: 2, kernelSize: [1, 1], bias: tensorValue([3], [1, 2, 3]) },
      'nodes[1].params.bias.shape: expected [2] for filters 2, got [3]',
    ],
  ])('%s', (_name, params, message) => {
    expect(rejection(withNode({ type: 'Conv2D', params }))).toBe(message);
  });

  it('Dense kernel disagreeing with units', () => {
    const doc = withNode({
      type: 'Dense',
      params: { units: 2, kernel: tensorValue([1, 3], [1, 2, 3]) },
    });
    expect(rejection(doc)).toBe(
      'nodes[1].params.kernel.shape: expected [inUnits, 2] for units 2, got [1, 3]',
    );
  });

  it('Dense bias disagreeing with units', () => {
    const doc = withNode({
      type: 'Dense',
      params: { units: 2, bias: tensorValue([3], [1, 2, 3]) },
    });
    expect(rejection(doc)).toBe('nodes[1].params.bias.shape: expected [2] for units 2, got [3]');
  });

  it('several problems: the first is named and the rest counted', () => {
    const doc = graph([{ id: 'a', type: 'Conv2D', params: { filters: 0, kernelSize: [0, 0] } }]);
    expect(rejection(doc)).toMatch(/^nodes\[0\]\.params\.filters: .* \(and 1 more problem\)$/);
  });
});

describe('document errors: graph structure', () => {
  const a = { id: 'a', type: 'Flatten' };
  const b = { id: 'b', type: 'Flatten' };

  /** The cycle a message lists, as ids; it must start and end on the same node. */
  function cycleIn(message: string): string[] {
    const prefix = 'edges: the edges form a cycle: ';
    expect(message.startsWith(prefix), message).toBe(true);
    const ids = message
      .slice(prefix.length)
      .split(' → ')
      .map((s) => JSON.parse(s) as string);
    expect(ids.length).toBeGreaterThan(1);
    expect(ids[0]).toBe(ids[ids.length - 1]);
    return ids;
  }

  it('a cycle names its nodes', () => {
    const doc = graph(
      [input, a, b],
      [
        ['a', 'b'],
        ['b', 'a'],
      ],
    );
    expect(new Set(cycleIn(rejection(doc)))).toEqual(new Set(['a', 'b']));
  });

  it('a cycle with a tail leading out of it names only the cycle', () => {
    const c = { id: 'c', type: 'Flatten' };
    const doc = graph(
      [input, a, b, c],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['b', 'a'],
      ],
    );
    expect(new Set(cycleIn(rejection(doc)))).toEqual(new Set(['a', 'b']));
  });

  it('a self-loop is a cycle', () => {
    expect(cycleIn(rejection(graph([input, a], [['a', 'a']])))).toEqual(['a', 'a']);
  });

  it('an edge from a missing node', () => {
    expect(rejection(graph([input, a], [['ghost', 'a']]))).toBe(
      'edges[0].source: no node with id "ghost"',
    );
  });

  it('an edge to a missing node', () => {
    expect(
      rejection(
        graph(
          [input, a],
          [
            ['in', 'a'],
            ['in', 'ghost'],
          ],
        ),
      ),
    ).toBe('edges[1].target: no node with id "ghost"');
  });

  it('an edge into an Input', () => {
    const doc = graph([input, inputNode('in2', tensorValue([1, 1, 1], [0]))], [['in', 'in2']]);
    expect(rejection(doc)).toBe('edges[0].target: "in2" is an Input and takes no incoming edge');
  });

  it('two incoming edges', () => {
    const doc = graph(
      [input, inputNode('in2', tensorValue([1, 1, 1], [0])), a],
      [
        ['in', 'a'],
        ['in2', 'a'],
      ],
    );
    expect(rejection(doc)).toBe(
      'edges[1].target: "a" already has an input ("in"); a node takes at most one',
    );
  });

  it('the same edge twice is two incoming edges', () => {
    expect(
      rejection(
        graph(
          [input, a],
          [
            ['in', 'a'],
            ['in', 'a'],
          ],
        ),
      ),
    ).toMatch(/^edges\[1\]\.target: "a" already has an input/);
  });

  it('duplicate ids', () => {
    expect(rejection(graph([input, a, { ...b, id: 'a' }]))).toBe(
      'nodes[2].id: duplicate node id "a"',
    );
  });

  it('an id with a line break is quoted without one', () => {
    const message = rejection(graph([input, { ...a, id: 'x\ny' }, { ...b, id: 'x\ny' }]));
    expect(message).toMatch(/^nodes\[2\]\.id: duplicate node id/);
    expect(message).not.toMatch(/[\n\r\u2028\u2029]/);
  });
});

describe('document errors: unknown keys', () => {
  it.each<[string, string, string]>([
    [
      'top level',
      '{"format":"convflow-graph","version":1,"nodes":[],"edges":[],"extra":1}',
      'document: Unrecognized key: "extra"',
    ],
    [
      'top-level __proto__',
      '{"format":"convflow-graph","version":1,"nodes":[],"edges":[],"__proto__":{"polluted":1}}',
      'document: Unrecognized key: "__proto__"',
    ],
    [
      'node __proto__',
      '{"format":"convflow-graph","version":1,"nodes":[{"id":"in","type":"Input","__proto__":{"polluted":1},"params":{"tensor":{"shape":[1,1,1],"data":[1]}}}],"edges":[]}',
      'nodes[0]: Unrecognized key: "__proto__"',
    ],
    [
      'params __proto__',
      '{"format":"convflow-graph","version":1,"nodes":[{"id":"in","type":"Input","params":{"__proto__":{"polluted":1},"tensor":{"shape":[1,1,1],"data":[1]}}}],"edges":[]}',
      'nodes[0].params: Unrecognized key: "__proto__"',
    ],
    [
      'tensor __proto__',
      '{"format":"convflow-graph","version":1,"nodes":[{"id":"in","type":"Input","params":{"tensor":{"__proto__":{"polluted":1},"shape":[1,1,1],"data":[1]}}}],"edges":[]}',
      'nodes[0].params.tensor: Unrecognized key: "__proto__"',
    ],
    [
      'edge __proto__',
      '{"format":"convflow-graph","version":1,"nodes":[{"id":"in","type":"Input","params":{"tensor":{"shape":[1,1,1],"data":[1]}}},{"id":"f","type":"Flatten"}],"edges":[{"source":"in","target":"f","__proto__":{"polluted":1}}]}',
      'edges[0]: Unrecognized key: "__proto__"',
    ],
    [
      'constructor in params',
      '{"format":"convflow-graph","version":1,"nodes":[{"id":"in","type":"Input","params":{"constructor":{"prototype":{"polluted":1}},"tensor":{"shape":[1,1,1],"data":[1]}}}],"edges":[]}',
      'nodes[0].params: Unrecognized key: "constructor"',
    ],
    [
      'unknown Conv2D param',
      '{"format":"convflow-graph","version":1,"nodes":[{"id":"c","type":"Conv2D","params":{"filters":1,"kernelSize":[1,1],"dilation":[2,2]}}],"edges":[]}',
      'nodes[0].params: Unrecognized key: "dilation"',
    ],
  ])('%s', (_name, text, message) => {
    const r = parseGraphText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a 1000-character unknown key is clipped in the message', () => {
    const key = 'k'.repeat(1000);
    const r = parseGraphText(
      `{"format":"convflow-graph","version":1,"nodes":[],"edges":[],"${key}":1}`,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(/^document: Unrecognized key: "k+…$/);
      expect(r.error.length).toBeLessThan(400);
    }
  });
});

describe('accepted documents', () => {
  it('a node id "__proto__" is an ordinary id', () => {
    const r = parseGraphText(
      '{"format":"convflow-graph","version":1,"nodes":[{"id":"__proto__","type":"Input","params":{"tensor":{"shape":[1,1,1],"data":[1]}}},{"id":"f","type":"Flatten"}],"edges":[{"source":"__proto__","target":"f"}]}',
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.nodes.map((n) => n.id)).toEqual(['__proto__', 'f']);
  });

  it('defaults fill in what is omitted', () => {
    const r = parseGraph(
      graph([
        input,
        { id: 'c', type: 'Conv2D', params: { filters: 2, kernelSize: [3, 3] } },
        { id: 'p', type: 'MaxPool' },
        { id: 'f', type: 'Flatten' },
        { id: 'd', type: 'Dropout', params: { rate: 0.5 } },
      ]),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [, c, p, , d] = r.value.nodes;
    expect(c?.params).toEqual({
      filters: 2,
      kernelSize: [3, 3],
      strides: [1, 1],
      padding: 'valid',
      activation: 'linear',
      useBias: true,
      kernel: { init: 'glorotUniform', seed: 0 },
      bias: { init: 'zeros', seed: 0 },
    });
    expect(p?.params).toMatchObject({ poolSize: [2, 2], padding: 'valid' });
    expect(d?.params).toEqual({ rate: 0.5, training: false, seed: 0 });
    expect(c?.position).toEqual({ x: 0, y: 0 });
  });
});
