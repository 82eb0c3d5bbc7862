import { describe, expect, it } from 'vitest';
import { plain } from './helpers.ts';
import { EngineSession } from '../../src/engine/session.ts';
import { applyEdits, connectionProblem } from '../../src/graph/edits.ts';
import { parseGraph } from '../../src/graph/parse.ts';
import type { GraphDocument } from '../../src/graph/types.ts';
import { convKernel, graph, hwc, inputNode, rampGrid, tensorValue } from './helpers.ts';
import { CHECKED_EDITS } from '../../src/graph/edits.ts';

const slideImage = [
  [0, 0, 1, 0, 0],
  [0, 1, 0, 1, 0],
  [1, 0, 0, 0, 1],
  [0, 1, 0, 1, 0],
  [0, 0, 1, 0, 0],
];
const slideKernel = convKernel([
  [
    [
      [0, 0, 1],
      [0, 1, 0],
      [1, 0, 0],
    ],
  ],
]);

/** in → c1 (slide 1 conv) → f ; in → c2 (1×1, ×2) ; in2 (spare Input) */
function testDoc(): GraphDocument {
  const parsed = parseGraph(
    graph(
      [
        inputNode('in', hwc(slideImage)),
        {
          id: 'c1',
          type: 'Conv2D',
          params: { filters: 1, kernelSize: [3, 3], useBias: false, kernel: slideKernel },
        },
        { id: 'f', type: 'Flatten' },
        {
          id: 'c2',
          type: 'Conv2D',
          params: {
            filters: 1,
            kernelSize: [1, 1],
            useBias: false,
            kernel: tensorValue([1, 1, 1, 1], [2]),
          },
        },
        inputNode('in2', hwc(rampGrid(2, 2))),
      ],
      [
        ['in', 'c1'],
        ['c1', 'f'],
        ['in', 'c2'],
      ],
    ),
  );
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function loadedSession() {
  const s = new EngineSession(CHECKED_EDITS);
  s.load(testDoc());
  s.evaluate();
  return s;
}

function paramsOf(s: EngineSession, id: string) {
  return s.document.nodes.find((n) => n.id === id)?.params;
}

describe('applyEdits', () => {
  it('setParams merges into the existing params', () => {
    const r = applyEdits(testDoc(), [{ kind: 'setParams', id: 'c1', params: { padding: 'same' } }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const c1 = r.value.doc.nodes.find((n) => n.id === 'c1');
    expect(plain(c1?.params)).toMatchObject({
      filters: 1,
      kernelSize: [3, 3],
      padding: 'same',
      useBias: false,
      kernel: slideKernel,
    });
    expect([...r.value.touched]).toEqual(['c1']);
  });

  it('setParams re-validates: a bad value names the node, the path and the rule', () => {
    const doc = testDoc();
    const r = applyEdits(doc, [{ kind: 'setParams', id: 'c1', params: { kernelSize: [0, 3] } }]);
    expect(r).toEqual({
      ok: false,
      error: 'node "c1": params.kernelSize: expected two integers from 1 to 64',
    });
  });

  it('setParams re-validates the weights against the new sizes', () => {
    const r = applyEdits(testDoc(), [
      { kind: 'setParams', id: 'c1', params: { kernelSize: [2, 2] } },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toBe(
        'node "c1": params.kernel.shape: expected [2, 2, inC, 1] for kernelSize [2, 2] and filters 1, got [3, 3, 1, 1]',
      );
  });

  it('an unknown param is rejected', () => {
    const r = applyEdits(testDoc(), [{ kind: 'setParams', id: 'c1', params: { dilation: 2 } }]);
    expect(r).toEqual({ ok: false, error: 'node "c1": params: Unrecognized key: "dilation"' });
  });

  it('is all or nothing: a later invalid edit leaves the document as it was', () => {
    const doc = testDoc();
    const before = structuredClone(doc);
    const r = applyEdits(doc, [
      { kind: 'setParams', id: 'c1', params: { padding: 'same' } },
      { kind: 'addEdge', source: 'c2', target: 'in2' },
    ]);
    expect(r).toEqual({
      ok: false,
      error: 'edges[3].target: "in2" is an Input and takes no incoming edge',
    });
    expect(doc).toEqual(before);
  });

  it.each([
    [{ kind: 'removeNode', id: 'zz' }, 'no node with id "zz"'],
    [{ kind: 'setParams', id: 'zz', params: {} }, 'no node with id "zz"'],
    [{ kind: 'moveNode', id: 'zz', position: { x: 0, y: 0 } }, 'no node with id "zz"'],
    [{ kind: 'removeEdge', source: 'in', target: 'f' }, 'no edge from "in" to "f"'],
    [
      { kind: 'addNode', node: { id: 'in', type: 'Flatten' } },
      'a node with id "in" already exists',
    ],
    [
      { kind: 'addNode', node: { id: 'n', type: 'Pool' } },
      'new node: type: expected one of "Input", "Conv2D", "MaxPool", "Flatten", "Dense", "Dropout"',
    ],
    [
      { kind: 'addEdge', source: 'in', target: 'ghost' },
      'edges[3].target: no node with id "ghost"',
    ],
    [
      { kind: 'moveNode', id: 'f', position: { x: Number.NaN, y: 0 } },
      'position: expected finite numbers',
    ],
  ] as const)('rejects %j', (edit, error) => {
    expect(applyEdits(testDoc(), [edit])).toEqual({ ok: false, error });
  });
});

describe('connectionProblem', () => {
  const doc = testDoc();

  it('is null for a fine connection', () => {
    const free = applyEdits(doc, [{ kind: 'removeEdge', source: 'c1', target: 'f' }]);
    if (!free.ok) throw new Error(free.error);
    expect(connectionProblem(free.value.doc, 'in2', 'f')).toBeNull();
    expect(connectionProblem(free.value.doc, 'c2', 'f')).toBeNull();
  });

  it('names a cycle', () => {
    const free = applyEdits(doc, [{ kind: 'removeEdge', source: 'in', target: 'c1' }]);
    if (!free.ok) throw new Error(free.error);
    expect(connectionProblem(free.value.doc, 'f', 'c1')).toBe(
      'connecting "f" to "c1" would make a cycle',
    );
  });

  it('names the cycle even when the target already has an input', () => {
    expect(connectionProblem(doc, 'f', 'c1')).toBe('connecting "f" to "c1" would make a cycle');
  });

  it('refuses a second input', () => {
    expect(connectionProblem(doc, 'in2', 'c1')).toBe(
      '"c1" already has an input ("in"); a node takes at most one',
    );
  });

  it('refuses an edge into an Input', () => {
    expect(connectionProblem(doc, 'c2', 'in2')).toBe(
      '"in2" is an Input and takes no incoming edge',
    );
  });

  it('refuses a node feeding itself', () => {
    expect(connectionProblem(doc, 'f', 'f')).toBe('a node cannot feed itself');
  });

  it('refuses a missing node', () => {
    expect(connectionProblem(doc, 'ghost', 'f')).toMatch(/no node with id "ghost"/);
  });
});

describe('EngineSession edits', () => {
  it('setParams recomputes exactly the node and its descendants', () => {
    const s = loadedSession();
    const r = s.apply([{ kind: 'setParams', id: 'c1', params: { padding: 'same' } }]);
    expect(r.ok).toBe(true);
    const report = s.evaluate();
    expect(report.recomputed).toEqual(['c1', 'f']);
    // Slide 2's output, now that c1 pads.
    expect(Array.from(report.outputs.get('f')!.data)).toEqual([
      0, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 2, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 0,
    ]);
    expect(s.output('c2')?.shape).toEqual([5, 5, 1]);
  });

  it('a first evaluation recomputes every node', () => {
    const s = new EngineSession(CHECKED_EDITS);
    s.load(testDoc());
    expect(s.evaluate().recomputed.sort()).toEqual(['c1', 'c2', 'f', 'in', 'in2']);
  });

  it('an invalid edit changes nothing: document, epoch, pending work', () => {
    const s = loadedSession();
    const doc = s.document;
    const epoch = s.currentEpoch;
    const r = s.apply([
      { kind: 'setParams', id: 'c2', params: { activation: 'relu' } },
      { kind: 'setParams', id: 'c1', params: { strides: [0, 0] } },
    ]);
    expect(r).toEqual({
      ok: false,
      error: 'node "c1": params.strides: expected two integers from 1 to 64',
    });
    expect(s.document).toBe(doc);
    expect(s.currentEpoch).toBe(epoch);
    expect(s.evaluate().recomputed).toEqual([]);
    expect(paramsOf(s, 'c2')).toMatchObject({ activation: 'linear' });
  });

  it('moveNode recomputes nothing', () => {
    const s = loadedSession();
    const r = s.apply([{ kind: 'moveNode', id: 'c1', position: { x: 120, y: -40 } }]);
    expect(r.ok).toBe(true);
    const report = s.evaluate();
    expect(report.recomputed).toEqual([]);
    expect(report.errors.size).toBe(0);
    expect(s.document.nodes.find((n) => n.id === 'c1')?.position).toEqual({ x: 120, y: -40 });
    expect(s.output('f')?.data).toHaveLength(9);
  });

  it('removeEdge leaves the target without input, and marks what depends on it', () => {
    const s = loadedSession();
    s.apply([{ kind: 'removeEdge', source: 'in', target: 'c1' }]);
    const report = s.evaluate();
    expect(report.recomputed).toEqual(['c1', 'f']);
    expect(report.errors.get('c1')).toBe('no input: connect an edge into this node');
    expect(report.errors.get('f')).toBe('input "c1" has an error');
    expect(s.output('c1')).toBeUndefined();
    expect(s.output('c2')).toBeDefined();
  });

  it('addEdge reconnects and recomputes the target', () => {
    const s = loadedSession();
    s.apply([
      { kind: 'removeEdge', source: 'in', target: 'c2' },
      { kind: 'addEdge', source: 'in2', target: 'c2' },
    ]);
    const report = s.evaluate();
    expect(report.recomputed).toEqual(['c2']);
    expect(Array.from(s.output('c2')!.data)).toEqual([0, 2, 4, 6]);
  });

  it('removeNode forgets the node and breaks its children', () => {
    const s = loadedSession();
    s.apply([{ kind: 'removeNode', id: 'c1' }]);
    const report = s.evaluate();
    expect(s.document.nodes.map((n) => n.id)).not.toContain('c1');
    expect(s.document.edges).toEqual([{ source: 'in', target: 'c2' }]);
    expect(report.errors.has('c1')).toBe(false);
    expect(report.errors.get('f')).toBe('no input: connect an edge into this node');
    expect(s.output('c1')).toBeUndefined();
  });

  it('addNode then addEdge computes only the new node', () => {
    const s = loadedSession();
    s.apply([
      { kind: 'addNode', node: { id: 'p', type: 'MaxPool', params: { padding: 'same' } } },
      { kind: 'addEdge', source: 'c2', target: 'p' },
    ]);
    const report = s.evaluate();
    expect(report.recomputed).toEqual(['p']);
    // 2 × slide image, 2×2 max-pool with same padding: 3×3.
    expect(report.outputs.get('p')?.shape).toEqual([3, 3, 1]);
    expect(Array.from(report.outputs.get('p')!.data)).toEqual([2, 2, 0, 2, 2, 2, 0, 2, 0]);
  });

  it('an async evaluation overtaken by a newer edit delivers nothing; the next one does', async () => {
    const s = new EngineSession(CHECKED_EDITS);
    s.load(testDoc());
    let pauses = 0;
    const stale = s.evaluateAsync(async () => {
      if (++pauses === 1)
        s.apply([{ kind: 'setParams', id: 'c2', params: { activation: 'relu' } }]);
    });
    expect(await stale).toBeNull();
    const fresh = s.evaluate();
    expect(fresh.epoch).toBe(s.currentEpoch);
    expect(fresh.recomputed).toContain('c2');
    expect(paramsOf(s, 'c2')).toMatchObject({ activation: 'relu' });
  });
});
