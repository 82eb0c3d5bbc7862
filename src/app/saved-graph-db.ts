import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';

/** The IndexedDB database and object store of the autosave. */
export const SAVE_DB = 'convflow';
const STORE = 'autosave';

/** What is noted beside a saved graph. */
export interface SaveMeta {
  /** Fingerprint of the address bar's fragment that goes with the graph (autosave.ts). */
  address: string;
  savedAt: number;
  /** The page session that saved it, and its store revision: a later write wins. */
  session: string;
  revision: number;
  /** Tensor values the graph spells out: how costly it is to read back. */
  values: number;
}

/** A graph as stored: the document itself (typed arrays and all), no JSON. */
export interface StoredSave {
  meta: SaveMeta;
  graph: unknown;
}

/** The saved graph's storage; IndexedDB in the browser, a Map in unit tests. */
export interface SaveDb {
  /** The stored save, unchecked, or null when there is none; rejects when unavailable. */
  read(): Promise<{ meta: unknown; graph: unknown } | null>;
  /** Only the meta (small), unchecked, or null when nothing is saved. */
  readMeta(): Promise<unknown>;
  /**
   * Store `save`, graph and meta in one transaction. Guarded, it is skipped (resolving
   * false) when the same session already stored a later revision: a write from the page at
   * page hide can land before an older one the worker was still busy with.
   */
  write(save: StoredSave, guarded: boolean): Promise<boolean>;
  /** Open the database now, so that a write at page hide starts within the same task. */
  open(): Promise<void>;
}

/** Whether `stored` (a meta read back) is from `meta`'s session and newer. */
export function supersedes(stored: unknown, meta: SaveMeta): boolean {
  const s = stored as Partial<SaveMeta> | undefined;
  return s?.session === meta.session && (s.revision ?? -1) > meta.revision;
}

/**
 * The autosave in IndexedDB (through idb-keyval's `createStore`: open, create the store,
 * one transaction per call). Works the same in the page and in a worker.
 */
export function indexedDbSaves(name = SAVE_DB): SaveDb {
  let store: UseStore | null = null;
  // createStore opens the database on first use; without IndexedDB (blocked by the browser's
  // settings) that throws, and the async callers below turn it into a rejection.
  const inStore: UseStore = (mode, callback) =>
    (store ??= createStore(name, STORE))(mode, callback);
  return {
    read: async () =>
      inStore('readonly', async (os) => {
        const [meta, graph] = await Promise.all([
          promisifyRequest<unknown>(os.get('meta')),
          promisifyRequest<unknown>(os.get('graph')),
        ]);
        return meta === undefined ? null : { meta, graph };
      }),
    readMeta: async () =>
      inStore('readonly', async (os) => (await promisifyRequest<unknown>(os.get('meta'))) ?? null),
    write: async (save, guarded) => {
      let written = false;
      await inStore('readwrite', (os) => {
        // Puts are issued at once when unguarded: at page hide, no later task may run.
        const put = () => {
          os.put(save.graph, 'graph');
          os.put(save.meta, 'meta');
          written = true;
        };
        if (!guarded) put();
        else {
          const request = os.get('meta');
          request.onsuccess = () => {
            if (!supersedes(request.result, save.meta)) put();
          };
        }
        return promisifyRequest(os.transaction);
      });
      return written;
    },
    open: async () => inStore('readonly', () => undefined),
  };
}
