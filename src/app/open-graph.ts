import { sameGraph } from '../graph/graph-diff.ts';
import { hasGraphLink } from '../graph/link-fragment.ts';
import type { ParseResult } from '../graph/parse.ts';
import type { GraphDocument } from '../graph/types.ts';
import type { Message } from '../i18n/translate.ts';
import type { EditorStore } from '../state/editor-store.ts';

/** Where a graph being opened came from: the message for a bad one names it. */
export type GraphSource = { kind: 'link' } | { kind: 'file'; name: string };

/**
 * Replace the graph with one read from a link or a file, as one undoable `load`. A bad one
 * changes nothing and says why. With `offerRestore`, the replaced graph also stays one
 * click away in a notice ("Restore previous graph"). Returns whether the graph changed.
 */
export function openGraph(
  store: EditorStore,
  read: ParseResult<GraphDocument>,
  source: GraphSource,
  offerRestore: boolean,
): boolean {
  if (!read.ok) {
    store.pushNotice('error', problemMessage(source, read.error));
    return false;
  }
  const before = store.getState().doc;
  if (sameGraph(before, read.value)) return false;
  if (!store.dispatch([{ kind: 'load', graph: read.value }]).ok) return false;
  store.setSelection({ nodes: [], edges: [] });
  if (offerRestore) {
    store.pushNotice(
      'info',
      { key: 'notice.linkOpened' },
      {
        label: { key: 'notice.restorePrevious' },
        run: () => void store.dispatch([{ kind: 'load', graph: before }]),
      },
    );
  }
  return true;
}

/**
 * The graph a link carries, or why it cannot be read. The codec (fflate) loads with the
 * first link read, not with the page.
 */
export async function readGraphLink(link: string): Promise<ParseResult<GraphDocument>> {
  return (await import('../graph/link-codec.ts')).decodeGraphLink(link);
}

/** Open the graph a link carries, if it carries one; see `openGraph`. */
export async function openLink(
  store: EditorStore,
  link: string,
  offerRestore: boolean,
): Promise<boolean> {
  if (!hasGraphLink(link)) return false;
  return openGraph(store, await readGraphLink(link), { kind: 'link' }, offerRestore);
}

function problemMessage(source: GraphSource, problem: string): Message {
  return source.kind === 'link'
    ? { key: 'notice.badLink', params: { problem } }
    : { key: 'notice.badFile', params: { name: source.name, problem } };
}
