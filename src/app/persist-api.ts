import { encodeGraphLinkWithin, MAX_INFLATED_BYTES } from '../graph/link-codec.ts';
import { MAX_SHARE_FRAGMENT_CHARS } from '../graph/link-size.ts';
import { formatGraphJson } from '../graph/graph-json.ts';
import type { ParseResult } from '../graph/parse.ts';
import type { GraphDocument } from '../graph/types.ts';
import { autosaveText, errorName, explicitValueCount, fingerprint } from './autosave.ts';
import { readGraphFile } from './graph-file.ts';
import { loadSaved, type LoadResult } from './saved-load.ts';
import type { SaveDb, SaveMeta } from './saved-graph-db.ts';
import { createTensorStore, type TensorSlice, type WireDocument } from './tensor-mirror.ts';

/** One save: the document as of a store revision of one page session. */
export interface SaveRequest {
  doc: GraphDocument;
  session: string;
  revision: number;
}

/** A save as it reaches the worker: large tensors by reference (tensor-mirror.ts). */
export interface WireSaveRequest extends Omit<SaveRequest, 'doc'> {
  doc: WireDocument;
}

/** Where the save went: IndexedDB, or nowhere yet (the page may still use localStorage). */
export type DbOutcome =
  | { kind: 'saved' }
  /** `localRecord` is the localStorage record to write instead, null when over its limit. */
  | { kind: 'noDatabase'; reason: string; localRecord: string | null };

export interface SaveResult {
  /** What the address bar should show for this document: its link, or '' when too big. */
  fragment: string;
  outcome: DbOutcome;
}

export type { LoadResult } from './saved-load.ts';

/** The persistence worker's API: everything that costs time in proportion to the graph. */
export interface PersistApi {
  /** Read and validate the saved graph. */
  load(): Promise<LoadResult>;
  /** Receive part of a large tensor, before the save that refers to it. */
  putSlice(slice: TensorSlice): void;
  /**
   * Compute the address bar's fragment and store the document with its fingerprint; null
   * when it refers to a tensor this worker does not hold (send them again).
   */
  save(request: WireSaveRequest): Promise<SaveResult | null>;
  /** Read and check a graph file: parsing a 40 MB file takes the page's thread for seconds. */
  readFile(file: Blob): Promise<ParseResult<GraphDocument>>;
  /** A document as a graph file's text (indented JSON, float32 values written short). */
  fileText(doc: GraphDocument): string;
}

/**
 * The fragment the address bar shows for a graph: its compressed link. A graph too big for a
 * share link (a large image) gets none: the autosave keeps it, and a stale link would mislead.
 * A graph whose JSON could not be inflated from a link (over `MAX_INFLATED_BYTES`, two
 * characters a value at least) is known too big without writing it.
 */
export function addressFragment(doc: GraphDocument): string {
  if (2 * explicitValueCount(doc) > MAX_INFLATED_BYTES) return '';
  return encodeGraphLinkWithin(doc, MAX_SHARE_FRAGMENT_CHARS) ?? '';
}

/** The API over a storage: the worker exposes it; the page reads small saves with it too. */
export function createPersistApi(db: SaveDb, now: () => number = Date.now): PersistApi {
  const tensors = createTensorStore();
  return {
    putSlice: (slice) => tensors.put(slice),
    readFile: (file) => readGraphFile(file),
    fileText: (doc) => formatGraphJson(doc),
    load: () => loadSaved(db),
    save: async ({ doc: wire, session, revision }) => {
      const doc = tensors.resolve(wire);
      if (!doc) return null;
      const fragment = addressFragment(doc);
      const address = fingerprint(fragment);
      const values = explicitValueCount(doc);
      const meta: SaveMeta = { address, savedAt: now(), session, revision, values };
      try {
        await db.write({ meta, graph: doc }, true);
        return { fragment, outcome: { kind: 'saved' } };
      } catch (e) {
        const localRecord = autosaveText(doc, meta.address, meta.savedAt);
        return { fragment, outcome: { kind: 'noDatabase', reason: errorName(e), localRecord } };
      }
    },
  };
}

/** The buffers of a value's typed arrays, each once: moved, not copied, across `postMessage`. */
export function buffersOf(value: unknown): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const visit = (v: unknown): void => {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) found.add(v.buffer);
    } else if (Array.isArray(v)) {
      // Arrays of numbers (shapes) hold no buffers; nodes and edges are walked.
      if (typeof v[0] === 'object') v.forEach(visit);
    } else if (v !== null && typeof v === 'object') {
      Object.values(v).forEach(visit);
    }
  };
  visit(value);
  return [...found];
}
