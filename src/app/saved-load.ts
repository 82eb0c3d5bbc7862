import { parseGraph } from '../graph/parse.ts';
import { errorName, type SavedGraph } from './autosave.ts';
import type { PersistApi } from './persist-api.ts';
import type { SaveDb, SaveMeta } from './saved-graph-db.ts';

// Reading the saved work at startup, on the page or in the persistence worker. Kept apart from
// saving (persist-api.ts), whose link codec the page's first screen does without.

export type LoadResult =
  | { kind: 'saved'; saved: SavedGraph }
  | { kind: 'none' }
  | { kind: 'unreadable'; problem: string }
  | { kind: 'noDatabase'; reason: string };

/** Read and check the saved graph. */
export async function loadSaved(db: SaveDb): Promise<LoadResult> {
  let stored: Awaited<ReturnType<SaveDb['read']>>;
  try {
    stored = await db.read();
  } catch (e) {
    return { kind: 'noDatabase', reason: errorName(e) };
  }
  return stored === null ? { kind: 'none' } : readStored(stored.meta, stored.graph);
}

/**
 * Saved graphs up to this many tensor values are read by the page itself at startup: a
 * worker takes longer to start (140-300 ms measured) than such a read and check take.
 */
export const PAGE_READ_MAX_VALUES = 1 << 18;

/**
 * Read the saved graph where it is quickest: on the page when it is small (by its meta),
 * else in the worker, which also checks it there. An unreadable meta goes to the worker.
 */
export async function loadWhereCheapest(
  db: SaveDb,
  worker: Pick<PersistApi, 'load'>,
): Promise<LoadResult> {
  let meta: unknown;
  try {
    meta = await db.readMeta();
  } catch (e) {
    return { kind: 'noDatabase', reason: errorName(e) };
  }
  if (meta === null) return { kind: 'none' };
  const values = (meta as Partial<SaveMeta>).values;
  const small = typeof values === 'number' && values <= PAGE_READ_MAX_VALUES;
  return small ? loadSaved(db) : worker.load();
}

/** Check a stored save like any graph from outside: an older build may have written it. */
function readStored(meta: unknown, graph: unknown): LoadResult {
  const m = meta as Partial<SaveMeta> | null;
  if (typeof m?.address !== 'string' || typeof m.savedAt !== 'number')
    return { kind: 'unreadable', problem: 'the saved record has no address or date' };
  const parsed = parseGraph(graph);
  if (!parsed.ok) return { kind: 'unreadable', problem: parsed.error };
  return { kind: 'saved', saved: { doc: parsed.value, address: m.address, savedAt: m.savedAt } };
}
