import { describe, expect, it } from 'vitest';
import { stringifyDocument } from '../../../src/graph/tensor-data.ts';
import { autosaveText, MAX_AUTOSAVE_CHARS } from '../../../src/app/autosave.ts';
import { addressFragment, buffersOf, createPersistApi } from '../../../src/app/persist-api.ts';
import { loadWhereCheapest, PAGE_READ_MAX_VALUES } from '../../../src/app/saved-load.ts';
import { encodeGraphLink, MAX_INFLATED_BYTES } from '../../../src/graph/link-codec.ts';
import type { GraphDocument } from '../../../src/graph/types.ts';
import { convValidDoc, doc, pipelineDoc } from '../state/fixtures.ts';
import { MemorySaves } from './fake-browser.ts';

/** An Input of `shape` holding `data`. */
function inputDoc(shape: [number, number, number], data: unknown): GraphDocument {
  const node = {
    id: 'x',
    type: 'Input',
    position: { x: 0, y: 0 },
    params: { tensor: { shape, data } },
  };
  return { format: 'convflow-graph', version: 1, nodes: [node], edges: [] } as GraphDocument;
}

const request = (d: GraphDocument, revision = 1) => ({ doc: d, session: 's', revision });

/** Values a Lehmer generator spreads out: deflate cannot shrink them much. */
function noise(length: number): number[] {
  let seed = 1;
  return Array.from({ length }, () => (seed = (seed * 48271) % 2147483647) / 2147483647);
}

describe('addressFragment', () => {
  it('is the compressed link of a graph that fits one', () => {
    expect(addressFragment(pipelineDoc())).toBe(encodeGraphLink(pipelineDoc()));
  });

  it('is empty for a 128×128×3 noise input (a link over 64 Ki characters)', () => {
    expect(addressFragment(doc(inputDoc([128, 128, 3], noise(128 * 128 * 3))))).toBe('');
  });

  it('is empty, without writing any JSON, when the values alone are more than a link inflates to', () => {
    const length = MAX_INFLATED_BYTES / 2 + 1;
    const data = {
      length,
      toJSON: () => {
        throw new Error('serialised');
      },
    };
    expect(addressFragment(inputDoc([1, 1, length], data))).toBe('');
  });
});

describe('the persistence worker', () => {
  it('stores the document with the fingerprint of its fragment, and reads it back checked', async () => {
    const db = new MemorySaves();
    const api = createPersistApi(db, () => 42);
    const result = await api.save(request(convValidDoc()));
    expect(result).toEqual({
      fragment: encodeGraphLink(convValidDoc()),
      outcome: { kind: 'saved' },
    });
    expect(db.stored?.meta).toMatchObject({ savedAt: 42, session: 's', revision: 1 });
    const loaded = await api.load();
    expect(loaded).toEqual({
      kind: 'saved',
      saved: { doc: convValidDoc(), address: db.stored?.meta.address, savedAt: 42 },
    });
  });

  it('loads nothing from an empty database, and says when there is none', async () => {
    const db = new MemorySaves();
    expect(await createPersistApi(db).load()).toEqual({ kind: 'none' });
    db.failWith = Object.assign(new Error('blocked'), { name: 'SecurityError' });
    expect(await createPersistApi(db).load()).toEqual({
      kind: 'noDatabase',
      reason: 'SecurityError',
    });
  });

  it('names what is wrong with an unreadable save', async () => {
    const db = new MemorySaves();
    db.stored = { meta: { address: 1 } as never, graph: convValidDoc() };
    expect(await createPersistApi(db).load()).toEqual({
      kind: 'unreadable',
      problem: 'the saved record has no address or date',
    });
    db.stored = {
      meta: { address: '', savedAt: 0, session: '', revision: 0, values: 0 },
      graph: { nodes: 1 },
    };
    expect(await createPersistApi(db).load()).toMatchObject({
      kind: 'unreadable',
      problem: expect.stringMatching(/^format/),
    });
  });

  it('without IndexedDB, hands back the localStorage record, or null when it is too big', async () => {
    const db = new MemorySaves();
    db.failWith = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const api = createPersistApi(db, () => 7);
    const small = (await api.save(request(pipelineDoc())))!;
    expect(small.fragment).toBe(encodeGraphLink(pipelineDoc()));
    if (small.outcome.kind !== 'noDatabase') throw new Error('expected no database');
    expect(small.outcome.reason).toBe('QuotaExceededError');
    const record = JSON.parse(small.outcome.localRecord ?? '');
    expect(record).toMatchObject({ savedAt: 7, graph: pipelineDoc() });
    const big = await api.save(request(doc(inputDoc([512, 512, 3], noise(512 * 512 * 3)))));
    expect(big).toMatchObject({ fragment: '', outcome: { kind: 'noDatabase', localRecord: null } });
  });
});

describe('startup reads a small graph on the page, a big one in the worker', () => {
  const worker = () => {
    const calls: string[] = [];
    const load = async () => {
      calls.push('load');
      return { kind: 'none' } as const;
    };
    return { calls, load };
  };

  it(`up to ${PAGE_READ_MAX_VALUES} values: read and checked on the page`, async () => {
    const db = new MemorySaves();
    await createPersistApi(db, () => 5).save(request(pipelineDoc()));
    const w = worker();
    expect(await loadWhereCheapest(db, w)).toMatchObject({
      kind: 'saved',
      saved: { doc: pipelineDoc(), savedAt: 5 },
    });
    expect(w.calls).toEqual([]);
  });

  it('over that, or from a record that does not say, in the worker', async () => {
    const db = new MemorySaves();
    const big = inputDoc([513, 512, 1], new Array(513 * 512).fill(0));
    await createPersistApi(db).save(request(doc(big)));
    expect(db.stored?.meta.values).toBe(PAGE_READ_MAX_VALUES + 512);
    const w = worker();
    await loadWhereCheapest(db, w);
    db.stored = { ...db.stored!, meta: { ...db.stored!.meta, values: undefined as never } };
    await loadWhereCheapest(db, w);
    expect(w.calls).toEqual(['load', 'load']);
  });

  it('nothing saved, or no IndexedDB: says so without starting the worker', async () => {
    const db = new MemorySaves();
    const w = worker();
    expect(await loadWhereCheapest(db, w)).toEqual({ kind: 'none' });
    db.failWith = Object.assign(new Error('blocked'), { name: 'SecurityError' });
    expect(await loadWhereCheapest(db, w)).toEqual({ kind: 'noDatabase', reason: 'SecurityError' });
    expect(w.calls).toEqual([]);
  });
});

describe('serialising a document', () => {
  it('autosaveText stops at the localStorage limit', () => {
    const values = MAX_AUTOSAVE_CHARS / 2 + 1;
    expect(autosaveText(inputDoc([1, 1, values], new Float32Array(values)), '', 0)).toBeNull();
    expect(autosaveText(convValidDoc(), 'a', 1)).toBe(
      stringifyDocument({ address: 'a', savedAt: 1, graph: convValidDoc() }),
    );
  });

  it('buffersOf lists each typed array buffer once, to move a loaded graph to the page', () => {
    const shared = new Float32Array(8);
    const own = new Float32Array(2);
    const value = {
      a: shared.subarray(0, 4),
      b: [{ c: shared.subarray(4) }, { d: own }],
      e: [1, 2],
    };
    expect(buffersOf(value)).toEqual([shared.buffer, own.buffer]);
  });
});
