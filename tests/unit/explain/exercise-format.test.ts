import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/graph/edits.ts';
import { editsBetween } from '../../../src/graph/graph-diff.ts';
import { decodeGraphLink, encodeGraphLink } from '../../../src/graph/link-codec.ts';
import { parseGraph } from '../../../src/graph/parse.ts';
import type { GraphDocument } from '../../../src/graph/types.ts';
import { graph, hwc } from '../helpers.ts';

const X = [
  [0, 0, 1, 0, 0],
  [0, 1, 0, 1, 0],
  [1, 0, 0, 0, 1],
  [0, 1, 0, 1, 0],
  [0, 0, 1, 0, 0],
];

function doc(exercise?: unknown, type = 'Conv2D'): unknown {
  const params = type === 'Conv2D' ? { filters: 1, kernelSize: [3, 3] } : {};
  return graph(
    [
      { id: 'in', type: 'Input', params: { tensor: hwc(X) } },
      { id: 'n', type, params, ...(exercise === undefined ? {} : { exercise }) } as never,
    ],
    [['in', 'n']],
  );
}

function parsed(value: unknown): GraphDocument {
  const result = parseGraph(value);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('exercise field of the graph format', () => {
  it('accepts "all" and a list of distinct cells on Conv2D and MaxPool', () => {
    expect(parseGraph(doc({ hidden: 'all' })).ok).toBe(true);
    expect(parseGraph(doc({ hidden: [0, 4, 8] })).ok).toBe(true);
    expect(parseGraph(doc({ hidden: [] }, 'MaxPool')).ok).toBe(true);
  });

  it.each([
    ['a negative index', { hidden: [-1] }],
    ['a fraction', { hidden: [1.5] }],
    ['a duplicate', { hidden: [2, 2] }],
    ['a word other than "all"', { hidden: 'some' }],
    ['too many cells', { hidden: Array.from({ length: 4097 }, (_, i) => i) }],
  ])('rejects %s', (_, exercise) => {
    const result = parseGraph(doc(exercise));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^nodes\[1\]\.exercise\.hidden: expected "all"/);
  });

  it('rejects unknown keys and an exercise on another node type', () => {
    const extra = parseGraph(doc({ hidden: 'all', answers: [3] }));
    expect(extra.ok).toBe(false);
    const flatten = parseGraph(doc({ hidden: 'all' }, 'Flatten'));
    expect(flatten.ok).toBe(false);
  });

  it('travels in a share link', () => {
    const original = parsed(doc({ hidden: [0, 8] }));
    const decoded = decodeGraphLink(encodeGraphLink(original));
    expect(decoded.ok && decoded.value.nodes[1]).toMatchObject({ exercise: { hidden: [0, 8] } });
  });
});

describe('setExercise edit', () => {
  const base = parsed(doc());

  it('sets and removes an exercise without touching any node', () => {
    const set = applyEdits(base, [{ kind: 'setExercise', id: 'n', exercise: { hidden: 'all' } }]);
    expect(set.ok).toBe(true);
    if (!set.ok) return;
    expect(set.value.doc.nodes[1]).toMatchObject({ exercise: { hidden: 'all' } });
    expect(set.value.touched.size).toBe(0);
    const cleared = applyEdits(set.value.doc, [{ kind: 'setExercise', id: 'n', exercise: null }]);
    expect(cleared.ok && 'exercise' in cleared.value.doc.nodes[1]).toBe(false);
  });

  it('refuses a bad exercise, an Input and a missing node', () => {
    const bad = applyEdits(base, [{ kind: 'setExercise', id: 'n', exercise: { hidden: [-2] } }]);
    expect(bad.ok ? '' : bad.error).toMatch(/^node "n": exercise\.hidden/);
    const input = applyEdits(base, [
      { kind: 'setExercise', id: 'in', exercise: { hidden: 'all' } },
    ]);
    expect(input.ok).toBe(false);
    const missing = applyEdits(base, [{ kind: 'setExercise', id: 'zz', exercise: null }]);
    expect(missing.ok ? '' : missing.error).toBe('no node with id "zz"');
  });
});

describe('undoing an exercise', () => {
  it('the edits between two graphs that differ in an exercise are one setExercise', () => {
    const without = parsed(doc());
    const withAll = parsed(doc({ hidden: 'all' }));
    expect(editsBetween(withAll, without)).toEqual([
      { kind: 'setExercise', id: 'n', exercise: null },
    ]);
    expect(editsBetween(without, withAll)).toEqual([
      { kind: 'setExercise', id: 'n', exercise: { hidden: 'all' } },
    ]);
  });
});
