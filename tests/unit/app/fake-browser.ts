import type { BrowserEnv } from '../../../src/app/address-bar.ts';
import { createPersistApi } from '../../../src/app/persist-api.ts';
import { supersedes, type SaveDb, type StoredSave } from '../../../src/app/saved-graph-db.ts';
import type { GraphFiles, SaveChannel } from '../../../src/app/saves.ts';
import { readGraphFile } from '../../../src/app/graph-file.ts';
import { formatGraphJson } from '../../../src/graph/graph-json.ts';
import { mirroredSave } from '../../../src/app/tensor-mirror.ts';

/** localStorage as a Map; `failWith` makes every write throw (a full quota). */
export class FakeStorage {
  readonly items = new Map<string, string>();
  failWith: Error | null = null;
  writes = 0;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.writes++;
    if (this.failWith) throw this.failWith;
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/**
 * IndexedDB's autosave as one structured-cloned record, with its guard; `failWith` makes
 * every read and write reject (IndexedDB blocked, or a full quota).
 */
export class MemorySaves implements SaveDb {
  stored: StoredSave | null = null;
  failWith: Error | null = null;
  writes = 0;
  async read(): Promise<StoredSave | null> {
    if (this.failWith) throw this.failWith;
    return this.stored && structuredClone(this.stored);
  }
  async write(save: StoredSave, guarded: boolean): Promise<boolean> {
    return this.writeAtOnce(save, guarded);
  }
  async readMeta(): Promise<unknown> {
    if (this.failWith) throw this.failWith;
    return this.stored ? structuredClone(this.stored.meta) : null;
  }
  async open(): Promise<void> {}
  /** The write as IndexedDB starts it: the clone and the put happen within the call. */
  writeAtOnce(save: StoredSave, guarded: boolean): boolean {
    this.writes++;
    if (this.failWith) throw this.failWith;
    if (guarded && supersedes(this.stored?.meta, save.meta)) return false;
    this.stored = structuredClone(save);
    return true;
  }
}

/** The persistence worker's code, run in the test's thread, over `db`. */
export function memoryChannel(db: MemorySaves): SaveChannel {
  const api = createPersistApi(db);
  return {
    load: () => api.load(),
    save: mirroredSave(api),
    writeNow: (save) => {
      try {
        db.writeAtOnce(save, false);
      } catch {
        // As in the page: a failed write at page hide is not reported.
      }
    },
  };
}

/** Graph files read and written in the test's own thread, as the worker does them. */
export const inThreadFiles: GraphFiles = {
  read: readGraphFile,
  text: async (doc) => formatGraphJson(doc),
};

/** A location, a history that only replaces, and storages shared across "reloads". */
export function fakeBrowser(
  hash = '',
  storage = new FakeStorage(),
  db = new MemorySaves(),
  saves: SaveChannel = memoryChannel(db),
) {
  const location = { hash, pathname: '/app/', search: '', origin: 'https://convflow.test' };
  const replaced: string[] = [];
  const history = {
    state: null,
    replaceState(_data: unknown, _unused: string, url?: string | URL | null) {
      const text = String(url ?? '');
      replaced.push(text);
      const at = text.indexOf('#');
      location.hash = at >= 0 ? text.slice(at) : '';
    },
  };
  const env: BrowserEnv = { location, history, storage, saves, files: inThreadFiles };
  const target = new EventTarget();
  return { env, storage, db, location, replaced, target };
}
