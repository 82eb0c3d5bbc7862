import { parseGraph, type ParseResult } from '../graph/parse.ts';
import { stringifyDocument } from '../graph/tensor-data.ts';
import type { GraphDocument } from '../graph/types.ts';

export const AUTOSAVE_KEY = 'convflow.graph';
/** Largest record written: localStorage holds about 5 MB per site in most browsers. */
export const MAX_AUTOSAVE_CHARS = 4 * 1024 * 1024;

export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

/** The graph saved in this browser, and the address bar's fragment when it was saved. */
export interface SavedGraph {
  doc: GraphDocument;
  /** Fingerprint of `location.hash` at save time (see `fingerprint`). */
  address: string;
}

export type SaveOutcome = 'saved' | 'tooLarge' | { failed: string };

/**
 * Read the saved graph: null when there is none (or no storage), an error when the record
 * is unreadable (an older or damaged one).
 */
export function readAutosave(storage: StorageLike | null): ParseResult<SavedGraph | null> {
  let text: string | null;
  try {
    text = storage?.getItem(AUTOSAVE_KEY) ?? null;
  } catch {
    return { ok: true, value: null }; // storage blocked: nothing saved, nothing to report
  }
  if (text === null) return { ok: true, value: null };
  let record: { address?: unknown; graph?: unknown };
  try {
    record = JSON.parse(text) as typeof record;
  } catch {
    return { ok: false, error: 'the saved record is not JSON' };
  }
  const parsed = parseGraph(record?.graph);
  if (!parsed.ok) return parsed;
  const address = typeof record.address === 'string' ? record.address : '';
  return { ok: true, value: { doc: parsed.value, address } };
}

/** Save the graph with the fragment it goes with; never throws. */
export function writeAutosave(
  storage: StorageLike | null,
  doc: GraphDocument,
  hash: string,
): SaveOutcome {
  if (!storage) return { failed: 'no storage' };
  const text = stringifyDocument({ address: fingerprint(hash), graph: doc });
  if (text.length > MAX_AUTOSAVE_CHARS) return 'tooLarge';
  try {
    storage.setItem(AUTOSAVE_KEY, text);
    return 'saved';
  } catch (e) {
    // QuotaExceededError, or storage disabled by the browser's settings.
    return { failed: e instanceof Error ? e.name || e.message : String(e) };
  }
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
