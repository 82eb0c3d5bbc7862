import { describe, expect, it } from 'vitest';
import type { GraphEdit } from '../../../src/graph/edits.ts';
import { createEditorStore } from '../../../src/state/editor-store.ts';
import { createHistory } from '../../../src/state/history.ts';
import type { EditsEvent } from '../../../src/state/types.ts';
import { convValidDoc, pipelineDoc } from './fixtures.ts';

function setup(options: Parameters<typeof createHistory>[1] = {}) {
  const store = createEditorStore(convValidDoc());
  const history = createHistory(store, { mergeMs: 0, ...options });
  const heard: EditsEvent[] = [];
  store.onEdits((e) => heard.push(e));
  const doc = () => store.getState().doc;
  return { store, history, heard, doc };
}

const POOL = { id: 'pool', type: 'MaxPool', position: { x: 700, y: 0 } };

const KINDS: [string, GraphEdit[]][] = [
  ['addNode', [{ kind: 'addNode', node: POOL }]],
  ['removeNode', [{ kind: 'removeNode', id: 'conv' }]],
  ['removeEdge', [{ kind: 'removeEdge', source: 'input', target: 'conv' }]],
  [
    'addNode + addEdge (connect)',
    [
      { kind: 'addNode', node: POOL },
      { kind: 'addEdge', source: 'conv', target: 'pool' },
    ],
  ],
  ['setParams', [{ kind: 'setParams', id: 'conv', params: { padding: 'same' } }]],
  ['moveNode (a drag)', [{ kind: 'moveNode', id: 'conv', position: { x: 1, y: 2 } }]],
  ['load (a preset, a file, a link)', [{ kind: 'load', graph: pipelineDoc() }]],
];

/** The pipeline with a 1 s merge window on a clock the test sets, and edits of the dropout rate. */
function dropoutRateHistory() {
  let now = 0;
  const store = createEditorStore(pipelineDoc());
  const history = createHistory(store, { mergeMs: 1000, now: () => now });
  const rate = (r: number): GraphEdit[] => [
    { kind: 'setParams', id: 'dropout', params: { rate: r } },
  ];
  return { store, history, before: store.getState().doc, rate, at: (ms: number) => (now = ms) };
}

describe('history', () => {
  it.each(KINDS)('undo after %s restores the document before it, exactly', (_, edits) => {
    const { store, history, doc } = setup();
    const before = doc();
    expect(store.dispatch(edits).ok).toBe(true);
    const after = doc();
    expect(history.undo()).toBe(true);
    expect(doc()).toBe(before);
    expect(history.redo()).toBe(true);
    expect(doc()).toBe(after);
  });

  it('restores node order after undoing a delete in the middle', () => {
    const store = createEditorStore(pipelineDoc());
    const history = createHistory(store);
    const before = store.getState().doc;
    store.dispatch([{ kind: 'removeNode', id: 'flatten' }]);
    history.undo();
    expect(store.getState().doc.nodes.map((n) => n.id)).toEqual(before.nodes.map((n) => n.id));
    expect(store.getState().doc).toEqual(before);
  });

  it('undo of a parameter change sends the engine one setParams, not a whole load', () => {
    const { store, history, heard } = setup();
    store.dispatch([{ kind: 'setParams', id: 'conv', params: { padding: 'same' } }]);
    history.undo();
    expect(heard.at(-1)?.edits.map((e) => e.kind)).toEqual(['setParams']);
    expect(store.getState().loads).toBe(0);
  });

  it('undo of a drag recomputes nothing', () => {
    const { store, history, heard } = setup();
    store.dispatch([{ kind: 'moveNode', id: 'conv', position: { x: 1, y: 2 } }]);
    history.undo();
    expect(heard.at(-1)).toMatchObject({ needsEvaluation: false });
  });

  it('a drag of several nodes (one dispatch) is one step', () => {
    const { store, history, doc } = setup();
    const before = doc();
    store.dispatch([
      { kind: 'moveNode', id: 'conv', position: { x: 1, y: 2 } },
      { kind: 'moveNode', id: 'input', position: { x: 3, y: 4 } },
    ]);
    history.undo();
    expect(doc()).toBe(before);
    expect(history.getState()).toEqual({ canUndo: false, canRedo: true });
  });

  it('undo after a preset load restores the graph before it', () => {
    const { store, history, doc } = setup();
    store.dispatch([{ kind: 'setParams', id: 'conv', params: { filters: 2 } }]);
    const edited = doc();
    store.dispatch([{ kind: 'load', graph: pipelineDoc() }]);
    history.undo();
    expect(doc()).toBe(edited);
  });

  it('a new edit after undo drops the redo steps', () => {
    const { store, history } = setup();
    store.dispatch([{ kind: 'setParams', id: 'conv', params: { padding: 'same' } }]);
    history.undo();
    store.dispatch([{ kind: 'moveNode', id: 'conv', position: { x: 9, y: 9 } }]);
    expect(history.getState()).toEqual({ canUndo: true, canRedo: false });
    expect(history.redo()).toBe(false);
  });

  it('keeps at most `limit` steps, dropping the oldest', () => {
    const { store, history, doc } = setup({ limit: 3 });
    const docs = [doc()];
    for (let i = 1; i <= 5; i++) {
      store.dispatch([{ kind: 'moveNode', id: 'conv', position: { x: i, y: 0 } }]);
      docs.push(doc());
    }
    let undone = 0;
    while (history.undo()) undone++;
    expect(undone).toBe(3);
    expect(doc()).toBe(docs[2]);
  });

  it('merges keystrokes into one field within mergeMs into one step', () => {
    const { store, history, before, rate, at } = dropoutRateHistory();
    store.dispatch(rate(0)); // typing "0.25"
    store.dispatch(rate(0.2));
    at(500);
    store.dispatch(rate(0.25));
    at(5000);
    store.dispatch(rate(0.75));
    history.undo();
    const dropout = () => store.getState().doc.nodes.find((n) => n.id === 'dropout');
    expect(dropout()?.params).toMatchObject({ rate: 0.25 });
    history.undo();
    expect(store.getState().doc).toBe(before);
  });

  it('holding ↑ on one input cell (setCells of that cell) is one step; another cell is another', () => {
    let now = 0;
    const store = createEditorStore(pipelineDoc());
    const history = createHistory(store, { mergeMs: 1000, now: () => now });
    const input = () => store.getState().doc.nodes.find((n) => n.type === 'Input')!;
    const cell = (index: number, value: number): GraphEdit[] => [
      { kind: 'setCells', id: input().id, param: 'tensor', cells: [{ index, value }] },
    ];
    const before = store.getState().doc;
    for (let v = 1; v <= 5; v++, now += 100) expect(store.dispatch(cell(0, v)).ok).toBe(true);
    const cells = () =>
      Array.from((input().params as { tensor: { data: Float32Array } }).tensor.data.subarray(0, 2));
    const [, second] = cells();
    store.dispatch(cell(1, 9));
    history.undo();
    expect(cells()).toEqual([5, second]);
    history.undo();
    expect(store.getState().doc).toBe(before);
  });

  it('a batch dispatched as a separate step never merges (two quick drawing-pad strokes)', () => {
    const { store, history, before, rate, at } = dropoutRateHistory();
    store.dispatch(rate(0.1), { separateStep: true });
    at(100);
    store.dispatch(rate(0.2), { separateStep: true });
    at(200);
    // A merging edit right after a separate step starts a step of its own, too.
    store.dispatch(rate(0.3));
    const rateNow = () =>
      (store.getState().doc.nodes.find((n) => n.id === 'dropout')?.params as { rate: number }).rate;
    history.undo();
    expect(rateNow()).toBe(0.2);
    history.undo();
    expect(rateNow()).toBe(0.1);
    history.undo();
    expect(store.getState().doc).toBe(before);
  });

  it('records no step for a batch that changes nothing', () => {
    const { store, history } = setup();
    store.dispatch([{ kind: 'setParams', id: 'conv', params: { padding: 'valid' } }]);
    expect(history.getState().canUndo).toBe(false);
  });

  it('tells subscribers only when canUndo or canRedo changes', () => {
    const { store, history } = setup();
    let calls = 0;
    history.subscribe(() => calls++);
    store.dispatch([{ kind: 'moveNode', id: 'conv', position: { x: 1, y: 0 } }]);
    store.dispatch([{ kind: 'moveNode', id: 'conv', position: { x: 2, y: 0 } }]);
    expect(calls).toBe(1);
    history.undo();
    expect(calls).toBe(2);
  });

  it('undo with nothing to undo does nothing', () => {
    const { history, heard } = setup();
    expect(history.undo()).toBe(false);
    expect(heard).toEqual([]);
  });
});
