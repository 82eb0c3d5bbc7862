import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexedDbSaves, type SaveMeta } from '../../../src/app/saved-graph-db.ts';

// A fresh IndexedDB per test (fake-indexeddb: the real API's semantics, in memory).
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  delete (globalThis as { indexedDB?: IDBFactory }).indexedDB;
});

const meta = (session: string, revision: number): SaveMeta => ({
  address: '0:811c9dc5',
  savedAt: 1_700_000_000_000 + revision,
  session,
  revision,
  values: 0,
});

describe('the autosave in IndexedDB', () => {
  it('reads nothing before the first save', async () => {
    expect(await indexedDbSaves().read()).toBeNull();
    expect(await indexedDbSaves().readMeta()).toBeNull();
  });

  it('reads the meta alone', async () => {
    const saves = indexedDbSaves();
    await saves.write({ meta: meta('a', 4), graph: new Float32Array(8) }, true);
    expect(await saves.readMeta()).toEqual(meta('a', 4));
  });

  it('keeps a Float32Array as one (no JSON), and plain arrays as arrays', async () => {
    const saves = indexedDbSaves();
    const data = Float32Array.from({ length: 28 * 28 * 3 }, (_, i) => i / 7);
    const graph = { nodes: [{ id: 'x', params: { tensor: { shape: [28, 28, 3], data } } }] };
    expect(await saves.write({ meta: meta('a', 1), graph }, true)).toBe(true);
    const back = (await indexedDbSaves().read()) as { meta: SaveMeta; graph: typeof graph };
    expect(back.meta).toEqual(meta('a', 1));
    expect(back.graph.nodes[0]!.params.tensor.data).toBeInstanceOf(Float32Array);
    expect(back.graph.nodes[0]!.params.tensor.data).toEqual(data);
    await saves.write({ meta: meta('a', 2), graph: { data: [0.1, 2] } }, true);
    expect((await saves.read())?.graph).toEqual({ data: [0.1, 2] });
  });

  it('a guarded write loses to a later revision of the same session, not to another tab', async () => {
    const saves = indexedDbSaves();
    await saves.write({ meta: meta('page', 7), graph: 'at page hide' }, false);
    expect(await saves.write({ meta: meta('page', 6), graph: 'older' }, true)).toBe(false);
    expect((await saves.read())?.graph).toBe('at page hide');
    expect(await saves.write({ meta: meta('other tab', 2), graph: 'other' }, true)).toBe(true);
    expect((await saves.read())?.graph).toBe('other');
  });

  it('rejects, rather than throws, without IndexedDB', async () => {
    delete (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    const saves = indexedDbSaves();
    await expect(saves.read()).rejects.toThrow();
    await expect(saves.write({ meta: meta('a', 1), graph: 1 }, true)).rejects.toThrow();
    await expect(saves.open()).rejects.toThrow();
  });
});
