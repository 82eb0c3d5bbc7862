import { describe, expect, it, vi } from 'vitest';
import { createEditorStore } from '../../../src/state/editor-store.ts';
import type { EditsEvent } from '../../../src/state/types.ts';
import { convValidDoc, pipelineDoc, reportFor } from './fixtures.ts';

const SAME = { kind: 'setParams', id: 'conv', params: { padding: 'same' } } as const;

describe('dispatch', () => {
  it('applies edits, bumps the revision and forwards them to the engine', () => {
    const store = createEditorStore(convValidDoc());
    const heard: EditsEvent[] = [];
    store.onEdits((e) => heard.push(e));
    const result = store.dispatch([SAME]);
    expect(result).toEqual({ ok: true, revision: 1 });
    const s = store.getState();
    expect(s.doc.nodes.find((n) => n.id === 'conv')?.params).toMatchObject({ padding: 'same' });
    expect(s.shapes.get('conv')).toMatchObject({ ok: true, shape: [5, 5, 1] });
    expect(heard).toEqual([{ edits: [SAME], revision: 1, needsEvaluation: true }]);
  });

  it('refuses an invalid edit: nothing changes, nothing is sent, the reason is a notice', () => {
    const store = createEditorStore(convValidDoc());
    const before = store.getState().doc;
    const send = vi.fn();
    store.onEdits(send);
    const result = store.dispatch([{ kind: 'setParams', id: 'conv', params: { filters: 0 } }]);
    expect(result.ok).toBe(false);
    const error = result.ok ? '' : result.error;
    expect(error).toMatch(/^node "conv": params.filters: expected an integer from 1 to 1024/);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().revision).toBe(0);
    expect(send).not.toHaveBeenCalled();
    expect(store.getState().notices.map((n) => n.message)).toEqual([error]);
  });

  it('quiet refusals leave the notices alone', () => {
    const store = createEditorStore(convValidDoc());
    store.dispatch([{ kind: 'removeNode', id: 'nope' }], { quiet: true });
    expect(store.getState().notices).toEqual([]);
  });

  it('is atomic: a batch with one bad edit changes nothing', () => {
    const store = createEditorStore(convValidDoc());
    const before = store.getState();
    store.dispatch([SAME, { kind: 'addEdge', source: 'conv', target: 'input' }]);
    expect(store.getState().doc).toBe(before.doc);
  });

  it('marks the edited node and its descendants busy, and nothing upstream', () => {
    const store = createEditorStore(pipelineDoc());
    store.receiveReport(0, emptyReport());
    store.dispatch([{ kind: 'setParams', id: 'pool', params: { padding: 'same' } }]);
    expect([...store.getState().busy.keys()].sort()).toEqual([
      'dense1',
      'dense2',
      'dropout',
      'flatten',
      'pool',
    ]);
  });

  it('moving a node recomputes nothing: no busy nodes, no evaluation asked for', () => {
    const store = createEditorStore(convValidDoc());
    store.receiveReport(0, { ...emptyReport(), recomputed: [] });
    const send = vi.fn();
    store.onEdits(send);
    const shapes = store.getState().shapes;
    store.dispatch([{ kind: 'moveNode', id: 'conv', position: { x: 400, y: 20 } }]);
    expect(store.getState().busy.size).toBe(0);
    expect(store.getState().shapes).toBe(shapes);
    expect(send.mock.calls[0]?.[0]).toMatchObject({ needsEvaluation: false });
  });

  it('removing a node drops its results, busy flag and selection', async () => {
    const store = createEditorStore(convValidDoc());
    store.receiveReport(0, await reportFor(store.getState().doc));
    store.setSelection({ nodes: ['conv'], edges: [{ source: 'input', target: 'conv' }] });
    store.dispatch([{ kind: 'removeNode', id: 'conv' }]);
    const s = store.getState();
    expect(s.results.has('conv')).toBe(false);
    expect(s.selection).toEqual({ nodes: [], edges: [] });
    expect(s.busy.size).toBe(0);
  });
});

describe('receiveReport', () => {
  it('shows the slide numbers and the status of the report', async () => {
    const store = createEditorStore(convValidDoc());
    expect(store.receiveReport(0, await reportFor(store.getState().doc))).toBe(true);
    const s = store.getState();
    expect([...(s.results.get('conv')?.output?.data ?? [])]).toEqual([3, 0, 1, 0, 2, 0, 1, 0, 3]);
    expect(s.status).toMatchObject({ recomputed: 2, nodeCount: 2 });
    expect(s.busy.size).toBe(0);
    expect(s.engine).toBe('ready');
  });

  it('a stale report never overwrites a newer one', async () => {
    const store = createEditorStore(convValidDoc());
    const valid = await reportFor(store.getState().doc);
    store.dispatch([SAME]);
    const same = await reportFor(store.getState().doc);
    expect(store.receiveReport(1, same)).toBe(true);
    expect(store.receiveReport(0, valid)).toBe(false);
    const s = store.getState();
    expect(s.results.get('conv')?.output?.shape).toEqual([5, 5, 1]);
    expect(s.shownRevision).toBe(1);
    expect(s.status?.recomputed).toBe(2);
  });

  it('an older report may show while newer edits are pending; their nodes stay busy', async () => {
    const store = createEditorStore(convValidDoc());
    const first = await reportFor(store.getState().doc);
    store.dispatch([SAME]);
    expect(store.receiveReport(0, first)).toBe(true);
    expect([...store.getState().busy]).toEqual([['conv', 1]]);
    expect(store.getState().results.get('conv')?.output?.shape).toEqual([3, 3, 1]);
  });

  it('keeps results of nodes the report did not recompute', async () => {
    const store = createEditorStore(convValidDoc());
    store.receiveReport(0, await reportFor(store.getState().doc));
    const input = store.getState().results.get('input');
    store.dispatch([SAME]);
    store.receiveReport(1, {
      ...(await reportFor(store.getState().doc)),
      recomputed: ['conv'],
    });
    expect(store.getState().results.get('input')).toBe(input);
    expect(store.getState().results.get('conv')?.revision).toBe(1);
  });

  it('markAllBusy makes every node busy until a report of the current revision', () => {
    const store = createEditorStore(convValidDoc());
    store.receiveReport(0, emptyReport());
    store.markAllBusy();
    expect(store.getState().busy.size).toBe(2);
    store.receiveReport(0, emptyReport());
    expect(store.getState().busy.size).toBe(0);
  });
});

describe('notices and subscriptions', () => {
  it('notifies subscribers on change and not after unsubscribing', () => {
    const store = createEditorStore(convValidDoc());
    const listener = vi.fn();
    const off = store.subscribe(listener);
    store.pushNotice('error', 'x');
    off();
    store.pushNotice('error', 'y');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('one notice per message; dismissing removes it', () => {
    const store = createEditorStore(convValidDoc());
    store.pushNotice('error', 'same');
    const id = store.pushNotice('error', 'same');
    expect(store.getState().notices).toHaveLength(1);
    store.dismissNotice(id);
    expect(store.getState().notices).toEqual([]);
  });
});

function emptyReport() {
  return {
    epoch: 1,
    revision: 1,
    recomputed: [],
    outputs: [],
    timings: [],
    errors: [],
    nodeCount: 2,
    elapsedMs: 0,
  };
}
