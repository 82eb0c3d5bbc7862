import { parseGraph, type ParseResult } from '../graph/parse.ts';
import { stringifyDocument } from '../graph/tensor-data.ts';
import type { GraphDocument } from '../graph/types.ts';

/** The localStorage key of saves made before IndexedDB, and where IndexedDB is unavailable. */
export const AUTOSAVE_KEY = 'convflow.graph';
/** Largest localStorage record written: it holds about 5 MB per site in most browsers. */
export const MAX_AUTOSAVE_CHARS = 4 * 1024 * 1024;

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The graph saved in this browser, and the address bar's fragment when it was saved. */
export interface SavedGraph {
  doc: GraphDocument;
  /** Fingerprint of `location.hash` at save time (see `fingerprint`). */
  address: string;
  /** `Date.now()` at save time; 0 for a record from before it was noted. */
  savedAt: number;
}

export type SaveOutcome = 'saved' | { failed: string };

/**
 * How many tensor values the document spells out (inputs and explicit weights). Each takes
 * at least two characters of JSON, which bounds the text from below without writing it.
 */
export function explicitValueCount(doc: GraphDocument): number {
  let count = 0;
  for (const node of doc.nodes) {
    for (const param of Object.values(node.params ?? {})) {
      const data = (param as { data?: ArrayLike<number> } | null)?.data;
      if (data && typeof data.length === 'number') count += data.length;
    }
  }
  return count;
}

/**
 * The localStorage record for a graph, or null when it would be over
 * {@link MAX_AUTOSAVE_CHARS} (found without writing a huge text when the values alone
 * are too many).
 */
export function autosaveText(doc: GraphDocument, address: string, savedAt: number): string | null {
  if (2 * explicitValueCount(doc) > MAX_AUTOSAVE_CHARS) return null;
  const text = stringifyDocument({ address, savedAt, graph: doc });
  return text.length > MAX_AUTOSAVE_CHARS ? null : text;
}

/**
 * Read the graph saved in localStorage: null when there is none (or no storage), an error
 * when the record is unreadable (an older or damaged one).
 */
export function readAutosave(storage: StorageLike | null): ParseResult<SavedGraph | null> {
  let text: string | null;
  try {
    text = storage?.getItem(AUTOSAVE_KEY) ?? null;
  } catch {
    return { ok: true, value: null }; // storage blocked: nothing saved, nothing to report
  }
  if (text === null) return { ok: true, value: null };
  let record: { address?: unknown; graph?: unknown; savedAt?: unknown };
  try {
    record = JSON.parse(text) as typeof record;
  } catch {
    return { ok: false, error: 'the saved record is not JSON' };
  }
  const parsed = parseGraph(record?.graph);
  if (!parsed.ok) return parsed;
  const address = typeof record.address === 'string' ? record.address : '';
  const savedAt = typeof record.savedAt === 'number' ? record.savedAt : 0;
  return { ok: true, value: { doc: parsed.value, address, savedAt } };
}

/** Write a record made by `autosaveText`; never throws. */
export function writeAutosave(storage: StorageLike | null, text: string): SaveOutcome {
  if (!storage) return { failed: 'no storage' };
  try {
    storage.setItem(AUTOSAVE_KEY, text);
    return 'saved';
  } catch (e) {
    // QuotaExceededError, or storage disabled by the browser's settings.
    return { failed: errorName(e) };
  }
}

/** Remove the localStorage record once the work is safe in IndexedDB; never throws. */
export function removeAutosave(storage: StorageLike | null): void {
  try {
    storage?.removeItem(AUTOSAVE_KEY);
  } catch {
    // Storage blocked: there is nothing to remove.
  }
}

/** A failure, short, for a notice: `QuotaExceededError`, `SecurityError`, else its message. */
export function errorName(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  return e.name && e.name !== 'Error' ? e.name : e.message;
}

/**
 * A short stand-in for a fragment that may be a megabyte long: its length and FNV-1a hash.
 * Equal fragments give equal fingerprints; the startup read compares them.
 */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}:${h.toString(16)}`;
}
