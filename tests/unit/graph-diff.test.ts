import { describe, expect, it } from 'vitest';
import { applyEdits, type GraphEdit } from '../../src/graph/edits.ts';
import { editsBetween, sameGraph, sameValue } from '../../src/graph/graph-diff.ts';
import type { GraphDocument } from '../../src/graph/types.ts';
import { convValidDoc, pipelineDoc } from './state/fixtures.ts';

function apply(doc: GraphDocument, edits: GraphEdit[]): GraphDocument {
  const result = applyEdits(doc, edits);
  if (!result.ok) throw new Error(result.error);
  return result.value.doc;
}

/** The edits back from `after` to `before`, and that they reproduce `before`. */
function back(before: GraphDocument, after: GraphDocument): GraphEdit[] {
  const edits = editsBetween(after, before);
  expect(sameGraph(apply(after, edits), before)).toBe(true);
  return edits;
}

describe('sameValue', () => {
  it('compares members, not references', () => {
    expect(sameValue({ a: [1, 2], b: { c: 'x' } }, { b: { c: 'x' }, a: [1, 2] })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
  });
});

describe('editsBetween', () => {
  it('is empty for the same document', () => {
    const doc = pipelineDoc();
    expect(editsBetween(doc, doc)).toEqual([]);
  });

  it('undoes a parameter change with one setParams', () => {
    const before = convValidDoc();
    const after = apply(before, [{ kind: 'setParams', id: 'conv', params: { padding: 'same' } }]);
    const edits = back(before, after);
    expect(edits.map((e) => e.kind)).toEqual(['setParams']);
  });

  it('undoes a move with one moveNode, so nothing is recomputed', () => {
    const before = convValidDoc();
    const after = apply(before, [{ kind: 'moveNode', id: 'conv', position: { x: 5, y: 7 } }]);
    expect(back(before, after)).toEqual([
      { kind: 'moveNode', id: 'conv', position: before.nodes[1]!.position },
    ]);
  });

  it('undoes a delete by adding the node and its edges back', () => {
    const before = pipelineDoc();
    const after = apply(before, [{ kind: 'removeNode', id: 'flatten' }]);
    const kinds = back(before, after).map((e) => e.kind);
    expect(kinds).toEqual(['addNode', 'addEdge', 'addEdge']);
  });

  it('undoes an add and a connection by removing the node (its edge goes with it)', () => {
    const before = convValidDoc();
    const node = { id: 'pool', type: 'MaxPool', position: { x: 700, y: 0 } };
    const after = apply(before, [
      { kind: 'addNode', node },
      { kind: 'addEdge', source: 'conv', target: 'pool' },
    ]);
    expect(back(before, after).map((e) => e.kind)).toEqual(['removeNode']);
  });

  it('replaces a node whose type changed, with its edges', () => {
    const before = pipelineDoc();
    const flatten = before.nodes.find((n) => n.id === 'flatten')!;
    const swapped = {
      ...before,
      nodes: before.nodes.map((n) =>
        n === flatten
          ? {
              ...n,
              type: 'MaxPool' as const,
              params: { poolSize: [1, 1] as [number, number], padding: 'valid' as const },
            }
          : n,
      ),
    };
    const edits = editsBetween(before, swapped);
    expect(edits.some((e) => e.kind === 'load')).toBe(false);
  });

  it('loads the whole document when the title differs (a preset load)', () => {
    const before = convValidDoc();
    const after = pipelineDoc();
    expect(editsBetween(after, before)).toEqual([{ kind: 'load', graph: before }]);
  });
});
