import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stringifyDocument } from '../../../src/graph/tensor-data.ts';
import { AUTOSAVE_KEY, fingerprint } from '../../../src/app/autosave.ts';
import type { LoadResult, SaveRequest, SaveResult } from '../../../src/app/persist-api.ts';
import { PERSIST_DELAY_MS } from '../../../src/app/persistence.ts';
import type { StoredSave } from '../../../src/app/saved-graph-db.ts';
import type { SaveChannel } from '../../../src/app/saves.ts';
import { defaultDocument } from '../../../src/app/presets.ts';
import { LOAD_TIMEOUT_MS, loadWorkspace, newestSave } from '../../../src/app/workspace.ts';
import { encodeGraphLink } from '../../../src/graph/link-codec.ts';
import { convValidDoc, doc, pipelineDoc } from '../state/fixtures.ts';
import { fakeBrowser, FakeStorage, MemorySaves } from './fake-browser.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A persistence worker whose answers the test gives, one request at a time. */
class ManualChannel implements SaveChannel {
  readonly requests: {
    request: SaveRequest;
    answer: (r: SaveResult) => void;
    fail: (e: Error) => void;
  }[] = [];
  readonly writtenNow: StoredSave[] = [];
  loadResult: LoadResult = { kind: 'none' };
  load = async () => this.loadResult;
  save = (request: SaveRequest) =>
    new Promise<SaveResult>((answer, fail) => this.requests.push({ request, answer, fail }));
  writeNow = (save: StoredSave) => void this.writtenNow.push(save);
  /** Answer request `i` as a successful IndexedDB save with `fragment`. */
  async saved(i: number, fragment: string): Promise<void> {
    this.requests[i]!.answer({ fragment, outcome: { kind: 'saved' } });
    await vi.advanceTimersByTimeAsync(0);
  }
}

/** An Input of `values` zeros: at two characters a value, over 4 MiB of JSON past 2 Mi. */
function bigInput(values: number) {
  const data = new Array(values).fill(0);
  const shape = [values / 2048, 1024, 2];
  return doc({
    format: 'convflow-graph',
    version: 1,
    nodes: [{ id: 'x', type: 'Input', params: { tensor: { shape, data } } }],
    edges: [],
  });
}

const pad = (padding: string) => ({ kind: 'setParams', id: 'conv', params: { padding } }) as const;

async function manualSession(hash = '') {
  const channel = new ManualChannel();
  const browser = fakeBrowser(hash, new FakeStorage(), new MemorySaves(), channel);
  const workspace = await loadWorkspace(browser.env);
  workspace.start(browser.target);
  const quiet = () => vi.advanceTimersByTimeAsync(PERSIST_DELAY_MS + 1);
  return { ...browser, ...workspace, channel, quiet };
}

describe('saving off the main thread', () => {
  it('keeps one save in flight; edits meanwhile give one more save, of the latest document', async () => {
    const s = await manualSession();
    s.store.dispatch([pad('same')]);
    await s.quiet();
    expect(s.channel.requests).toHaveLength(1);
    s.store.dispatch([pad('valid')]);
    await s.quiet();
    s.store.dispatch([pad('same')]);
    await s.quiet();
    expect(s.channel.requests).toHaveLength(1);
    await s.channel.saved(0, '#graph=z1.first');
    expect(s.channel.requests).toHaveLength(2);
    expect(s.channel.requests[1]!.request.doc).toBe(s.store.getState().doc);
    expect(s.channel.requests[1]!.request.revision).toBe(s.store.getState().revision);
  });

  it('drops the fragment of a document an edit has replaced meanwhile', async () => {
    const s = await manualSession();
    s.store.dispatch([pad('same')]);
    await s.quiet();
    s.store.dispatch([pad('valid')]);
    await s.channel.saved(0, '#graph=z1.stale');
    expect(s.replaced).toEqual([]);
    await s.quiet();
    await s.channel.saved(1, '#graph=z1.current');
    expect(s.replaced).toEqual(['/app/#graph=z1.current']);
  });

  it('a link opened meanwhile keeps the address bar: the older result is dropped, nothing resaved', async () => {
    const s = await manualSession();
    s.store.dispatch([pad('same')]);
    await s.quiet();
    s.location.hash = encodeGraphLink(pipelineDoc());
    s.target.dispatchEvent(new Event('hashchange'));
    // The link's codec loads on first use: the link opens a moment after the event.
    await vi.waitFor(() => expect(s.store.getState().doc).toEqual(pipelineDoc()));
    await s.channel.saved(0, '#graph=z1.mine');
    await s.quiet();
    expect(s.replaced).toEqual([]);
    expect(s.channel.requests).toHaveLength(1);
  });

  it('hiding the page starts the pending save at once', async () => {
    const s = await manualSession();
    s.store.dispatch([pad('same')]);
    s.target.dispatchEvent(new Event('visibilitychange'));
    expect(s.channel.requests).toHaveLength(1);
  });

  it('at page hide, the page writes what no finished save covers into localStorage', async () => {
    const s = await manualSession();
    s.store.dispatch([pad('same')]);
    await s.quiet();
    await s.channel.saved(0, '#graph=z1.one');
    s.target.dispatchEvent(new Event('pagehide'));
    expect(s.storage.items.has(AUTOSAVE_KEY)).toBe(false); // all saved
    s.store.dispatch([pad('valid')]);
    s.target.dispatchEvent(new Event('pagehide'));
    const record = JSON.parse(s.storage.items.get(AUTOSAVE_KEY) ?? '');
    expect(record).toMatchObject({
      address: fingerprint('#graph=z1.one'),
      graph: JSON.parse(stringifyDocument(s.store.getState().doc)),
    });
    await s.quiet();
    expect(s.channel.requests).toHaveLength(1); // nothing left to save
  });

  it('closing with a graph too big for localStorage unsaved: "Leave site?", the worker saves', async () => {
    const s = await manualSession();
    s.store.dispatch([{ kind: 'load', graph: bigInput(1025 * 1024 * 2) }]);
    const leaving = new Event('beforeunload', { cancelable: true });
    s.target.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);
    expect(s.channel.requests).toHaveLength(1);
    s.target.dispatchEvent(new Event('pagehide'));
    expect(s.channel.writtenNow.map((w) => w.meta.revision)).toEqual([s.store.getState().revision]);
    await s.channel.saved(0, '');
    const again = new Event('beforeunload', { cancelable: true });
    s.target.dispatchEvent(again);
    expect(again.defaultPrevented).toBe(false);
  });

  it('says where a graph too big for a link is kept, once, and empties the address bar', async () => {
    const s = await manualSession(encodeGraphLink(convValidDoc()));
    for (let i = 0; i < 2; i++) {
      s.store.dispatch([{ kind: 'moveNode', id: 'conv', position: { x: i, y: 0 } }]);
      await s.quiet();
      await s.channel.saved(i, '');
    }
    expect(s.location.hash).toBe('');
    expect(s.store.getState().notices.map((n) => [n.kind, n.message])).toEqual([
      ['info', { key: 'notice.savedInBrowser' }],
    ]);
  });

  it('a worker that died is reported as a failed save', async () => {
    const s = await manualSession();
    s.store.dispatch([pad('same')]);
    await s.quiet();
    s.channel.requests[0]!.fail(new Error('the persistence worker failed'));
    await vi.advanceTimersByTimeAsync(0);
    expect(s.store.getState().notices.map((n) => n.message)).toEqual([
      { key: 'notice.autosaveFailed', params: { reason: 'the persistence worker failed' } },
    ]);
  });
});

describe('without IndexedDB', () => {
  const blocked = Object.assign(new Error('blocked'), { name: 'SecurityError' });

  async function session(db: MemorySaves, storage = new FakeStorage()) {
    const browser = fakeBrowser('', storage, db);
    const workspace = await loadWorkspace(browser.env);
    workspace.start(browser.target);
    const edit = async (padding: string) => {
      workspace.store.dispatch([pad(padding)]);
      await vi.advanceTimersByTimeAsync(PERSIST_DELAY_MS + 1);
    };
    const messages = () => workspace.store.getState().notices.map((n) => n.message);
    return { ...browser, ...workspace, edit, messages };
  }

  it('saves in localStorage and says so once; the next visit reads it', async () => {
    const db = new MemorySaves();
    db.failWith = blocked;
    const first = await session(db);
    await first.edit('same');
    await first.edit('valid');
    expect(first.messages()).toEqual([
      { key: 'notice.savedInLocalStorage', params: { reason: 'SecurityError', mb: 4 } },
    ]);
    const again = await session(db, first.storage);
    expect(again.store.getState().doc).toEqual(first.store.getState().doc);
  });

  it('at page hide, writes localStorage itself', async () => {
    const db = new MemorySaves();
    db.failWith = blocked;
    const first = await session(db);
    first.store.dispatch([pad('same')]);
    first.target.dispatchEvent(new Event('pagehide'));
    const again = await session(db, first.storage);
    expect(again.store.getState().doc).toEqual(first.store.getState().doc);
  });

  it('a graph over the localStorage limit is announced as not saved', async () => {
    const db = new MemorySaves();
    db.failWith = blocked;
    const s = await session(db);
    s.store.dispatch([{ kind: 'load', graph: bigInput(1025 * 1024 * 2) }]);
    await vi.advanceTimersByTimeAsync(PERSIST_DELAY_MS + 1);
    expect(s.messages()).toEqual([
      { key: 'notice.autosaveTooLarge', params: { reason: 'SecurityError', mb: 4 } },
    ]);
  });
});

describe('startup reads the newest save', () => {
  const saved = (savedAt: number) => ({ doc: convValidDoc(), address: '', savedAt });

  it('IndexedDB and localStorage: the later one; IndexedDB on a tie or an older record', () => {
    const db = (savedAt: number): LoadResult => ({ kind: 'saved', saved: saved(savedAt) });
    const local = (savedAt: number) => ({ ok: true, value: saved(savedAt) }) as const;
    expect(newestSave(db(2), local(1))).toEqual({ ok: true, value: saved(2) });
    expect(newestSave(db(1), local(2))).toEqual({ ok: true, value: saved(2) });
    expect(newestSave(db(1), local(0)).ok && newestSave(db(1), local(0))).toMatchObject({
      value: { savedAt: 1 },
    });
    expect(newestSave({ kind: 'none' }, local(0))).toEqual(local(0));
    expect(newestSave({ kind: 'noDatabase', reason: 'x' }, local(3))).toEqual(local(3));
  });

  it('an unreadable record gives way to a readable one', () => {
    const bad = { ok: false, error: 'nodes: expected an array of nodes' } as const;
    const unreadable: LoadResult = {
      kind: 'unreadable',
      problem: 'format: expected "convflow-graph"',
    };
    expect(newestSave({ kind: 'saved', saved: saved(1) }, bad)).toEqual({
      ok: true,
      value: saved(1),
    });
    expect(newestSave(unreadable, { ok: true, value: saved(1) })).toEqual({
      ok: true,
      value: saved(1),
    });
    expect(newestSave(unreadable, { ok: true, value: null })).toEqual({
      ok: false,
      error: unreadable.problem,
    });
    expect(newestSave({ kind: 'none' }, bad)).toEqual(bad);
  });

  it('a save from before IndexedDB is restored, then moved there and removed from localStorage', async () => {
    const storage = new FakeStorage();
    storage.items.set(AUTOSAVE_KEY, stringifyDocument({ address: '', graph: pipelineDoc() }));
    const db = new MemorySaves();
    const browser = fakeBrowser('', storage, db);
    const workspace = await loadWorkspace(browser.env);
    workspace.start(browser.target);
    expect(workspace.store.getState().doc).toEqual(pipelineDoc());
    workspace.store.dispatch([{ kind: 'setParams', id: 'dropout', params: { rate: 0.25 } }]);
    await vi.advanceTimersByTimeAsync(PERSIST_DELAY_MS + 1);
    expect(db.stored?.graph).toEqual(workspace.store.getState().doc);
    expect(storage.items.has(AUTOSAVE_KEY)).toBe(false);
  });

  it('an unforeseen failure of the read still shows a page, and saves nothing', async () => {
    const channel = new ManualChannel();
    channel.load = () => {
      throw new Error('boom');
    };
    const browser = fakeBrowser('', new FakeStorage(), new MemorySaves(), channel);
    const workspace = await loadWorkspace(browser.env);
    workspace.start(browser.target);
    expect(workspace.store.getState().doc).toEqual(defaultDocument());
    workspace.store.dispatch([pad('same')]);
    await vi.advanceTimersByTimeAsync(PERSIST_DELAY_MS + 1);
    expect(channel.requests).toEqual([]);
  });

  it('when IndexedDB never answers, shows the page, says so, and saves nothing over it', async () => {
    const channel = new ManualChannel();
    channel.load = () => new Promise<LoadResult>(() => undefined);
    const browser = fakeBrowser('', new FakeStorage(), new MemorySaves(), channel);
    const loading = loadWorkspace(browser.env);
    await vi.advanceTimersByTimeAsync(LOAD_TIMEOUT_MS);
    const workspace = await loading;
    workspace.start(browser.target);
    expect(workspace.store.getState().doc).toEqual(defaultDocument());
    expect(workspace.store.getState().notices.map((n) => n.message)).toEqual([
      { key: 'notice.autosaveNotRead', params: { s: LOAD_TIMEOUT_MS / 1000 } },
    ]);
    workspace.store.dispatch([pad('same')]);
    await vi.advanceTimersByTimeAsync(PERSIST_DELAY_MS + 1);
    browser.target.dispatchEvent(new Event('pagehide'));
    expect(channel.requests).toEqual([]);
    expect(browser.storage.writes).toBe(0);
  });
});
