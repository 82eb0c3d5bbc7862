import { deflateSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_KEY } from '../../../src/app/autosave.ts';
import { PERSIST_DELAY_MS } from '../../../src/app/persistence.ts';
import { defaultDocument } from '../../../src/app/presets.ts';
import { openWorkspace } from '../../../src/app/workspace.ts';
import { encodeBase64url } from '../../../src/graph/base64url.ts';
import { encodeGraphLink, encodePlainGraphLink } from '../../../src/graph/link-codec.ts';
import type { Message } from '../../../src/i18n/translate.ts';
import { convValidDoc, pipelineDoc } from '../state/fixtures.ts';
import { fakeBrowser, FakeStorage } from './fake-browser.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const SAME = { kind: 'setParams', id: 'conv', params: { padding: 'same' } } as const;

/** Open the app on `hash` with `storage`, follow the browser, make edits, let them settle. */
function session(hash = '', storage = new FakeStorage()) {
  const browser = fakeBrowser(hash, storage);
  const workspace = openWorkspace(browser.env);
  const stop = workspace.start(browser.target);
  const settle = () => vi.advanceTimersByTime(PERSIST_DELAY_MS + 1);
  const messages = () => workspace.store.getState().notices.map((n) => n.message);
  return { ...browser, ...workspace, stop, settle, messages };
}

/** A first visit that edits the default graph and leaves: storage now holds that work. */
function savedWork(): { storage: FakeStorage; work: ReturnType<typeof defaultDocument> } {
  const first = session();
  first.store.dispatch([SAME]);
  first.settle();
  first.stop();
  return { storage: first.storage, work: first.store.getState().doc };
}

function linkProblem(messages: (string | Message)[]): string {
  const found = messages.find(
    (m): m is Message => typeof m !== 'string' && m.key === 'notice.badLink',
  );
  return String(found?.params?.problem ?? '');
}

describe('startup', () => {
  it('shows the default preset on a first visit, with nothing to undo', () => {
    const s = session();
    expect(s.store.getState().doc).toEqual(defaultDocument());
    expect(s.history.getState()).toEqual({ canUndo: false, canRedo: false });
    expect(s.messages()).toEqual([]);
  });

  it('restores the saved work on the next visit', () => {
    const { storage, work } = savedWork();
    const s = session('', storage);
    expect(s.store.getState().doc).toEqual(work);
    expect(s.messages()).toEqual([]);
  });

  it('a reload restores the work from the address bar and the autosave, without a notice', () => {
    const first = session();
    first.store.dispatch([SAME]);
    first.settle();
    expect(first.location.hash).toBe(encodeGraphLink(first.store.getState().doc));
    const again = session(first.location.hash, first.storage);
    expect(again.store.getState().doc).toEqual(first.store.getState().doc);
    expect(again.history.getState().canUndo).toBe(false);
    expect(again.messages()).toEqual([]);
  });

  it('a reload before the debounce fired still restores the latest work (flushed on pagehide)', () => {
    const first = session();
    first.store.dispatch([SAME]);
    const hashAtReload = first.location.hash; // the browser reloads the old address
    first.target.dispatchEvent(new Event('pagehide'));
    const again = session(hashAtReload, first.storage);
    expect(again.store.getState().doc).toEqual(first.store.getState().doc);
  });

  it('opens a link without saved work as the graph, nothing offered back', () => {
    const s = session(encodeGraphLink(pipelineDoc()));
    expect(s.store.getState().doc).toEqual(pipelineDoc());
    expect(s.messages()).toEqual([]);
  });

  it('opens a link over saved work as an undoable step and offers the work back', () => {
    const { storage, work } = savedWork();
    const s = session(encodeGraphLink(pipelineDoc()), storage);
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

  it('undo after opening a link gives the saved work back', () => {
    const { storage, work } = savedWork();
    const s = session(encodeGraphLink(pipelineDoc()), storage);
    s.history.undo();
    expect(s.store.getState().doc).toEqual(work);
  });

  it('keeps the saved work in storage until the linked graph is edited', () => {
    const { storage } = savedWork();
    const before = storage.items.get(AUTOSAVE_KEY);
    const s = session(encodeGraphLink(pipelineDoc()), storage);
    s.settle();
    expect(storage.items.get(AUTOSAVE_KEY)).toBe(before);
    s.store.dispatch([{ kind: 'setParams', id: 'dropout', params: { rate: 0.25 } }]);
    s.settle();
    expect(storage.items.get(AUTOSAVE_KEY)).not.toBe(before);
  });

  it('reads a hand-written plain link', () => {
    const s = session(encodePlainGraphLink(convValidDoc()));
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
  it.each(cases)('%s', (_, hash, problem) => {
    const { storage, work } = savedWork();
    const s = session(hash, storage);
    expect(s.store.getState().doc).toEqual(work);
    expect(linkProblem(s.messages())).toMatch(problem);
    expect(s.history.getState().canUndo).toBe(false);
  });

  it('without saved work, the default graph stays', () => {
    const s = session('#graph=z1.@@@@');
    expect(s.store.getState().doc).toEqual(defaultDocument());
    expect(linkProblem(s.messages())).toMatch(/^link is damaged/);
  });
});

describe('while open', () => {
  it('follows edits in the address bar with replaceState, once per quiet spell', () => {
    const s = session();
    for (const padding of ['same', 'valid', 'same'])
      s.store.dispatch([{ kind: 'setParams', id: 'conv', params: { padding } }]);
    expect(s.replaced).toEqual([]);
    s.settle();
    expect(s.replaced).toEqual([`/app/${encodeGraphLink(s.store.getState().doc)}`]);
  });

  it('opens a link pasted into the address bar as an undoable step', () => {
    const s = session();
    s.store.dispatch([SAME]);
    s.settle();
    const work = s.store.getState().doc;
    s.location.hash = encodeGraphLink(pipelineDoc());
    s.target.dispatchEvent(new Event('hashchange'));
    expect(s.store.getState().doc).toEqual(pipelineDoc());
    expect(s.store.getState().notices.at(-1)?.action).toBeDefined();
    s.history.undo();
    expect(s.store.getState().doc).toEqual(work);
  });

  it('a bad pasted link keeps the graph', () => {
    const s = session();
    const before = s.store.getState().doc;
    s.location.hash = '#graph=z1.x';
    s.target.dispatchEvent(new Event('hashchange'));
    expect(s.store.getState().doc).toBe(before);
    expect(linkProblem(s.messages())).toMatch(/impossible length/);
  });

  it('says once that the autosave failed, until a save works again', () => {
    const s = session();
    s.storage.failWith = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    for (let i = 1; i <= 3; i++) {
      s.store.dispatch([{ kind: 'moveNode', id: 'conv', position: { x: i, y: 0 } }]);
      s.settle();
    }
    expect(s.storage.writes).toBe(3);
    expect(s.messages()).toEqual([
      { key: 'notice.autosaveFailed', params: { reason: 'QuotaExceededError' } },
    ]);
  });

  it('an unreadable saved record is reported and the default graph shown', () => {
    const storage = new FakeStorage();
    storage.items.set(AUTOSAVE_KEY, '{"graph": {"format": "convflow-graph", "version": 1}}');
    const s = session('', storage);
    expect(s.store.getState().doc).toEqual(defaultDocument());
    expect(s.messages()).toEqual([
      { key: 'notice.autosaveUnreadable', params: { problem: expect.stringMatching(/^nodes/) } },
    ]);
  });
});
