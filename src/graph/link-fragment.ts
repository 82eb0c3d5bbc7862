// What a link carries, told without decoding it: kept apart from the codec (link-codec.ts,
// with fflate), which loads only when a link is read or made.

/** The fragment key: `#graph=…`. */
export const LINK_KEY = 'graph';

/** Whether a fragment or URL carries a graph at all. */
export function hasGraphLink(link: string): boolean {
  return extractPayload(link) !== null;
}

/** The value of `key` in a link's fragment (`#a=…&b=…`), or null. */
export function extractPayload(link: string, key = LINK_KEY): string | null {
  const hash = link.indexOf('#');
  const fragment = hash >= 0 ? link.slice(hash + 1) : link;
  for (const part of fragment.split('&')) {
    if (part.startsWith(`${key}=`)) return part.slice(key.length + 1);
  }
  return null;
}
