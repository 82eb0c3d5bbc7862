import { deflateSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_KEY } from '../../../src/app/autosave.ts';
import { PERSIST_DELAY_MS } from '../../../src/app/persistence.ts';
import { defaultDocument } from '../../../src/app/presets.ts';
import { loadWorkspace } from '../../../src/app/workspace.ts';
import { encodeBase64url } from '../../../src/graph/base64url.ts';
import { encodeGraphLink, encodePlainGraphLink } from '../../../src/graph/link-codec.ts';
import type { Message } from '../../../src/i18n/translate.ts';
import { convValidDoc, pipelineDoc } from '../state/fixtures.ts';
import { fakeBrowser, FakeStorage, MemorySaves } from './fake-browser.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const SAME = { kind: 'setParams', id: 'conv', params: { padding: 'same' } } as const;

/**
 * Open the app on `hash` with the browser's saves (IndexedDB as `db`, localStorage as
 * `storage`), follow the browser; `settle` lets the debounce fire and the save finish.
 */
async function session(hash = '', db = new MemorySaves(), storage = new FakeStorage()) {
  const browser = fakeBrowser(hash, storage, db);
  const workspace = await loadWorkspace(browser.env);
  const stop = workspace.start(browser.target);
  const settle = () => vi.advanceTimersByTimeAsync(PERSIST_DELAY_MS + 1);
  const messages = () => workspace.store.getState().notices.map((n) => n.message);
  return { ...browser, ...workspace, stop, settle, messages };
}

/** A first visit that edits the default graph and leaves: IndexedDB now holds that work. */
async function savedWork(): Promise<{ db: MemorySaves; work: ReturnType<typeof defaultDocument> }> {
  const first = await session();
  first.store.dispatch([SAME]);
  await await first.settle();
  first.stop();
  return { db: first.db, work: first.store.getState().doc };
}

function linkProblem(messages: (string | Message)[]): string {
  const found = messages.find(
    (m): m is Message => typeof m !== 'string' && m.key === 'notice.badLink',
  );
  return String(found?.params?.problem ?? '');
}

describe('startup', () => {
  it('shows the default preset on a first visit, with nothing to undo', async () => {
    const s = await session();
    expect(s.store.getState().doc).toEqual(defaultDocument());
    expect(s.history.getState()).toEqual({ canUndo: false, canRedo: false });
    expect(s.messages()).toEqual([]);
  });

  it('restores the saved work on the next visit', async () => {
    const { db, work } = await savedWork();
    const s = await session('', db);
    expect(s.store.getState().doc).toEqual(work);
    expect(s.messages()).toEqual([]);
  });

  it('a reload restores the work from the address bar and the autosave, without a notice', async () => {
    const first = await session();
    first.store.dispatch([SAME]);
    await first.settle();
    expect(first.location.hash).toBe(encodeGraphLink(first.store.getState().doc));
    const again = await session(first.location.hash, first.db);
    expect(again.store.getState().doc).toEqual(first.store.getState().doc);
    expect(again.history.getState().canUndo).toBe(false);
    expect(again.messages()).toEqual([]);
  });

  it('a reload before the debounce fired still restores the latest work (flushed on pagehide)', async () => {
    const first = await session();
    first.store.dispatch([SAME]);
    const hashAtReload = first.location.hash; // the browser reloads the old address
    first.target.dispatchEvent(new Event('pagehide'));
    const again = await session(hashAtReload, first.db, first.storage);
    expect(again.store.getState().doc).toEqual(first.store.getState().doc);
  });

  it('opens a link without saved work as the graph, nothing offered back', async () => {
    const s = await session(encodeGraphLink(pipelineDoc()));
    expect(s.store.getState().doc).toEqual(pipelineDoc());
    expect(s.messages()).toEqual([]);
  });

  it('opens a link over saved work as an undoable step and offers the work back', async () => {
    const { db, work } = await savedWork();
    const s = await session(encodeGraphLink(pipelineDoc()), db);
    expect(s.store.getState().doc).toEqual(pipelineDoc());
    const [notice] = s.store.getState().notices;
    expect(notice?.message).toEqual({ key: 'notice.linkOpened' });
    expect(notice?.action?.label).toEqual({ key: 'notice.restorePrevious' });
    notice?.action?.run();
    expect(s.store.getState().doc).toEqual(work);
    s.history.undo();
    s.history.undo();
    expect(s.store.getState().doc).toEqual(work);
  });

  it('undo after opening a link gives the saved work back', async () => {
    const { db, work } = await savedWork();
    const s = await session(encodeGraphLink(pipelineDoc()), db);
    s.history.undo();
    expect(s.store.getState().doc).toEqual(work);
  });

  it('keeps the saved work in storage until the linked graph is edited', async () => {
    const { db, work } = await savedWork();
    const s = await session(encodeGraphLink(pipelineDoc()), db);
    await s.settle();
    s.target.dispatchEvent(new Event('pagehide'));
    expect(db.stored?.graph).toEqual(work);
    s.store.dispatch([{ kind: 'setParams', id: 'dropout', params: { rate: 0.25 } }]);
    await s.settle();
    expect(db.stored?.graph).toEqual(s.store.getState().doc);
  });

  it('reads a hand-written plain link', async () => {
    const s = await session(encodePlainGraphLink(convValidDoc()));
    expect(s.store.getState().doc).toEqual(convValidDoc());
  });
});

describe('a bad link names the problem and keeps the graph the user had', () => {
  const good = encodeGraphLink(pipelineDoc());
  const bomb = `#graph=z1.${encodeBase64url(deflateSync(new Uint8Array(17 * 2 ** 20)))}`;
  const cases: [string, string, RegExp][] = [
    ['truncated', good.slice(0, good.length - 20), /truncated|damaged/],
    ['bad base64', `${good.slice(0, 30)}*${good.slice(31)}`, /not base64url at position/],
    ['bad deflate', '#graph=z1.AAAAAAAA', /damaged/],
    ['a decompression bomb', bomb, /inflates to more than/],
    [
      'a schema error',
      encodePlainGraphLink({ format: 'convflow-graph', version: 2 }),
      /invalid graph: version/,
    ],
    ['bad percent-encoding', '#graph=%E0%A4%A', /percent-encoding/],
  ];
  it.each(cases)('%s', async (_, hash, problem) => {
    const { db, work } = await savedWork();
    const s = await session(hash, db);
    expect(s.store.getState().doc).toEqual(work);
    expect(linkProblem(s.messages())).toMatch(problem);
    expect(s.history.getState().canUndo).toBe(false);
  });

  it('without saved work, the default graph stays', async () => {
    const s = await session('#graph=z1.@@@@');
    expect(s.store.getState().doc).toEqual(defaultDocument());
    expect(linkProblem(s.messages())).toMatch(/^link is damaged/);
  });
});

describe('while open', () => {
  it('follows edits in the address bar with replaceState, once per quiet spell', async () => {
    const s = await session();
    for (const padding of ['same', 'valid', 'same'])
      s.store.dispatch([{ kind: 'setParams', id: 'conv', params: { padding } }]);
    expect(s.replaced).toEqual([]);
    await s.settle();
    expect(s.replaced).toEqual([`/app/${encodeGraphLink(s.store.getState().doc)}`]);
  });

  it('opens a link pasted into the address bar as an undoable step', async () => {
    const s = await session();
    s.store.dispatch([SAME]);
    await s.settle();
    const work = s.store.getState().doc;
    s.location.hash = encodeGraphLink(pipelineDoc());
    s.target.dispatchEvent(new Event('hashchange'));
    // The link's codec loads on first use: the link opens a moment after the event.
    await vi.waitFor(() => expect(s.store.getState().doc).toEqual(pipelineDoc()));
    expect(s.store.getState().notices.at(-1)?.action).toBeDefined();
    s.history.undo();
    expect(s.store.getState().doc).toEqual(work);
  });

  it('a bad pasted link keeps the graph', async () => {
    const s = await session();
    const before = s.store.getState().doc;
    s.location.hash = '#graph=z1.x';
    s.target.dispatchEvent(new Event('hashchange'));
    await vi.waitFor(() => expect(linkProblem(s.messages())).toMatch(/impossible length/));
    expect(s.store.getState().doc).toBe(before);
  });

  it('says once that the autosave failed, until a save works again', async () => {
    const s = await session();
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    s.db.failWith = quota;
    s.storage.failWith = quota;
    const move = async (x: number) => {
      s.store.dispatch([{ kind: 'moveNode', id: 'conv', position: { x, y: 0 } }]);
      await s.settle();
    };
    for (let x = 1; x <= 3; x++) await move(x);
    expect([s.db.writes, s.storage.writes]).toEqual([3, 3]);
    const failed = { key: 'notice.autosaveFailed', params: { reason: 'QuotaExceededError' } };
    expect(s.messages()).toEqual([failed]);
    s.db.failWith = null;
    await move(4);
    s.db.failWith = quota;
    await move(5);
    expect(s.messages()).toEqual([failed]);
    expect(s.store.getState().notices).toHaveLength(1);
    expect(s.store.getState().notices[0]!.id).toBeGreaterThan(1); // shown again
  });

  it('an unreadable saved record is reported and the default graph shown', async () => {
    const db = new MemorySaves();
    db.stored = {
      meta: { address: '', savedAt: 1, session: 'old', revision: 3, values: 0 },
      graph: { format: 'convflow-graph', version: 1 },
    };
    const s = await session('', db);
    expect(s.store.getState().doc).toEqual(defaultDocument());
    expect(s.messages()).toEqual([
      { key: 'notice.autosaveUnreadable', params: { problem: expect.stringMatching(/^nodes/) } },
    ]);
  });

  it('an unreadable localStorage record from an older version is reported too', async () => {
    const storage = new FakeStorage();
    storage.items.set(AUTOSAVE_KEY, '{"graph": {"format": "convflow-graph", "version": 1}}');
    const s = await session('', new MemorySaves(), storage);
    expect(s.store.getState().doc).toEqual(defaultDocument());
    expect(s.messages()).toEqual([
      { key: 'notice.autosaveUnreadable', params: { problem: expect.stringMatching(/^nodes/) } },
    ]);
  });
});
