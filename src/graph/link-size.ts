import { encodeGraphLink } from './link-codec.ts';
import type { GraphDocument } from './types.ts';

/**
 * Longest share-link fragment (`#graph=z1.…`, compressed) the app hands out, in characters:
 * 64 Ki. Links this long still paste into chat and mail intact; a bigger graph (usually one
 * holding a large image) is offered as a file instead. Documented in docs/graph-format.md.
 */
export const MAX_SHARE_FRAGMENT_CHARS = 65_536;

/** Why a graph is too big for a share link. */
export interface LinkSizeProblem {
  /** Length of the fragment it would need. */
  chars: number;
  limit: number;
}

/**
 * Null when the graph's share link stays within {@link MAX_SHARE_FRAGMENT_CHARS}; otherwise
 * how long it would be, for a message offering a file export instead.
 * @example linkSizeProblem(docWith256x256RgbPhoto) // { chars: 301_448, limit: 65_536 }
 */
export function linkSizeProblem(
  doc: GraphDocument,
  limit: number = MAX_SHARE_FRAGMENT_CHARS,
): LinkSizeProblem | null {
  const chars = encodeGraphLink(doc).length;
  return chars > limit ? { chars, limit } : null;
}
