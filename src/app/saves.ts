import { transfer, wrap, type Remote } from 'comlink';
import type { PersistApi, SaveRequest, SaveResult } from './persist-api.ts';
import { loadWhereCheapest, type LoadResult } from './saved-load.ts';
import type { Asynchronous } from '../engine-client/asynchronous.ts';
import type { ParseResult } from '../graph/parse.ts';
import { adoptCheckedDocument } from '../graph/tensor-data.ts';
import type { GraphDocument } from '../graph/types.ts';
import { indexedDbSaves, type StoredSave } from './saved-graph-db.ts';
import { mirroredSave } from './tensor-mirror.ts';

/** How the page reaches its saved work: the persistence worker, and a write of its own. */
export interface SaveChannel {
  load: PersistApi['load'];
  /** Save through the worker; large tensors cross once (tensor-mirror.ts). */
  save(request: SaveRequest): Promise<SaveResult>;
  /**
   * Store now, from the page itself: at page hide, for a graph localStorage cannot hold, as
   * a last try (the worker may never run again, and the unload often aborts this write too).
   * The structured clone happens here, on the main thread.
   */
  writeNow(save: StoredSave): void;
}

/**
 * The browser's: the persistence worker, started on the first save (or the first read of a
 * big graph), and IndexedDB, opened now for reads and a write at page hide.
 */
export function browserSaves(worker = connectPersistWorker()): SaveChannel {
  const db = indexedDbSaves();
  db.open().catch(() => {
    // No IndexedDB here: the worker's saves report it and fall back to localStorage.
  });
  return {
    load: () => loadWhereCheapest(db, worker),
    save: mirroredSave(worker),
    writeNow: (save) => void db.write(save, false).catch(() => undefined),
  };
}

/**
 * Graph files, read and written by the persistence worker: parsing or writing the JSON of a
 * 9.4 M-weight graph takes seconds, which the page's thread must not spend.
 */
export interface GraphFiles {
  /** Read and check a graph file. */
  read(file: Blob): Promise<ParseResult<GraphDocument>>;
  /** A document as a graph file's text (indented JSON, float32 values written short). */
  text(doc: GraphDocument): Promise<string>;
}

/** Graph files through the persistence worker (the same one as `browserSaves`, if given). */
export function browserFiles(worker = connectPersistWorker()): GraphFiles {
  return {
    // The worker checked every value: its arrays arrive here checked (adoptCheckedDocument).
    read: async (file) => {
      const read = await worker.readFile(file);
      return read.ok ? { ok: true, value: adoptCheckedDocument(read.value) } : read;
    },
    text: worker.fileText,
  };
}

interface Running {
  remote: Remote<PersistApi>;
  /** Rejections of the calls waiting on this worker, for when it dies. */
  waiting: Set<(reason: Error) => void>;
}

/**
 * The persistence worker, started on first use. If it dies, the calls waiting on it fail
 * and the next call starts a fresh one.
 */
export function connectPersistWorker(): Asynchronous<PersistApi> {
  let current: Running | null = null;
  const start = (): Running => {
    const worker = new Worker(new URL('../../workers/persist.worker.ts', import.meta.url), {
      type: 'module',
      name: 'convflow-persist',
    });
    const running: Running = { remote: wrap<PersistApi>(worker), waiting: new Set() };
    const fail = (message: string) => {
      worker.terminate();
      if (current === running) current = null;
      for (const reject of running.waiting) reject(new Error(message));
    };
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fail(event.message || 'the persistence worker failed');
    });
    worker.addEventListener('messageerror', () => fail('a message from the worker was unreadable'));
    return running;
  };
  const call = <T>(run: (remote: Remote<PersistApi>) => Promise<T>): Promise<T> => {
    const running = (current ??= start());
    return new Promise<T>((resolve, reject) => {
      running.waiting.add(reject);
      run(running.remote)
        .then(resolve, reject)
        .finally(() => running.waiting.delete(reject));
    });
  };
  return {
    // Remote<> spreads a union result over Promise<>s; the value is the same LoadResult.
    load: () =>
      call(async (r) => {
        const loaded = (await r.load()) as LoadResult;
        // Checked in the worker; its arrays arrive checked (adoptCheckedDocument).
        if (loaded.kind === 'saved') adoptCheckedDocument(loaded.saved.doc);
        return loaded;
      }),
    // Slices are copies made for the trip: moved, not copied again.
    putSlice: (slice) =>
      call((r) => {
        const moved = ArrayBuffer.isView(slice.values) ? [slice.values.buffer] : [];
        return r.putSlice(transfer(slice, moved));
      }),
    save: (request) => call((r) => r.save(request) as Promise<SaveResult | null>),
    readFile: (file) => call((r) => r.readFile(file) as Promise<ParseResult<GraphDocument>>),
    fileText: (doc) => call((r) => r.fileText(doc)),
  };
}
