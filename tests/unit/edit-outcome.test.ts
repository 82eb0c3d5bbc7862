import { describe, expect, it } from 'vitest';
import { EngineSession } from '../../src/engine/session.ts';
import type { GraphEdit } from '../../src/graph/edits.ts';
import { createEditorStore } from '../../src/state/editor-store.ts';
import type { EditsEvent } from '../../src/state/types.ts';
import { pipelineDoc } from './state/fixtures.ts';

describe('reports echo the revision they answer', () => {
  it('load at revision 7, apply at 9: the report says 9; without revisions it says the epoch', () => {
    const session = new EngineSession();
    session.load(pipelineDoc(), 7);
    expect(session.evaluate().revision).toBe(7);
    session.apply([{ kind: 'setParams', id: 'dropout', params: { rate: 0.25 } }], 9);
    expect(session.evaluate().revision).toBe(9);
    const plain = new EngineSession();
    plain.load(pipelineDoc());
    plain.apply([{ kind: 'setParams', id: 'dropout', params: { rate: 0.25 } }]);
    expect(plain.evaluate().revision).toBe(plain.currentEpoch);
  });
});

describe('what an edit affects decides whether the engine computes', () => {
  const input = pipelineDoc().nodes.find((n) => n.type === 'Input')!;
  const cases: [string, GraphEdit, boolean][] = [
    ['moveNode', { kind: 'moveNode', id: 'dropout', position: { x: 5, y: 5 } }, false],
    ['setExercise', { kind: 'setExercise', id: 'pool', exercise: { hidden: 'all' } }, false],
    [
      'setCells that changes no value',
      { kind: 'setCells', id: input.id, param: 'tensor', cells: [] },
      false,
    ],
    [
      'setCells',
      { kind: 'setCells', id: input.id, param: 'tensor', cells: [{ index: 0, value: 42 }] },
      true,
    ],
    ['setParams', { kind: 'setParams', id: 'dropout', params: { rate: 0.25 } }, true],
    ['removeNode', { kind: 'removeNode', id: 'dropout' }, true],
  ];
  it.each(cases)(
    '%s: needsEvaluation is %s, and shapes are re-inferred only then',
    (_name, edit, computes) => {
      const store = createEditorStore(pipelineDoc());
      const events: EditsEvent[] = [];
      store.onEdits((e) => events.push(e));
      const shapes = store.getState().shapes;
      expect(store.dispatch([edit]).ok).toBe(true);
      expect(events.map((e) => e.needsEvaluation)).toEqual([computes]);
      expect(store.getState().shapes === shapes).toBe(!computes);
    },
  );
});
