import { Deflate, deflateSync, Inflate } from 'fflate';
import { decodeBase64url, encodeBase64url } from './base64url.ts';
import { parseGraphText, type ParseResult } from './parse.ts';
import { stringifyDocument } from './tensor-data.ts';
import { utf8Decode, utf8Encode } from './text-codec.ts';
import type { GraphDocument } from './types.ts';

import { extractPayload, LINK_KEY } from './link-fragment.ts';

export { extractPayload, hasGraphLink, LINK_KEY } from './link-fragment.ts';
/** Prefix of the compressed form; the digit is the codec's version (the graph carries its own). */
const COMPRESSED = 'z1.';
/** Longest fragment read, in characters. */
export const MAX_LINK_CHARS = 8 * 1024 * 1024;
/** Most bytes a compressed graph may inflate to: a decompression bomb stops here. */
export const MAX_INFLATED_BYTES = 16 * 1024 * 1024;

/**
 * The fragment of a share link for a graph: `#graph=z1.<base64url(deflate-raw(JSON))>`.
 * @example encodeGraphLink(doc) // '#graph=z1.q1ZKSy3KS8lVsqpWSs7PS8…'
 */
export function encodeGraphLink(doc: GraphDocument): string {
  return compressedFragment(stringifyDocument(doc));
}

/** `#<key>=z1.<base64url(deflate-raw(text))>`: graphs, and lessons under `lesson`. */
export function compressedFragment(json: string, key = LINK_KEY): string {
  const bytes = deflateSync(utf8Encode(json), { level: 9 });
  return `#${key}=${COMPRESSED}${encodeBase64url(bytes)}`;
}

/** Characters of text compressed per step while finding out whether a link would be too long. */
const PROBE_CHARS = 64 * 1024;

/**
 * `encodeGraphLink(doc)` if that is at most `maxChars` long, else null. A graph holding a
 * large image compresses to far more than a link may carry; finding that out stops after
 * compressing the first part of it (as much as the limit's worth of output), instead of
 * spending a second of deflate on a link that is then thrown away.
 */
export function encodeGraphLinkWithin(doc: GraphDocument, maxChars: number): string | null {
  const json = stringifyDocument(doc);
  const budget = ((maxChars - `#${LINK_KEY}=${COMPRESSED}`.length) * 3) / 4;
  // Streamed output runs a little longer than one-shot output: only a clear excess decides.
  if (json.length > 2 * PROBE_CHARS && compressesBeyond(json, budget * 1.1 + 1024)) return null;
  const fragment = compressedFragment(json);
  return fragment.length <= maxChars ? fragment : null;
}

/** Whether deflating `text` (streamed, step by step) produces more than `bytes` bytes. */
function compressesBeyond(text: string, bytes: number): boolean {
  let out = 0;
  const stream = new Deflate({ level: 9 }, (chunk) => (out += chunk.length));
  for (let at = 0; at < text.length && out <= bytes;) {
    let end = Math.min(text.length, at + PROBE_CHARS);
    // Keep a surrogate pair in one step, so each step is valid UTF-16.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    stream.push(utf8Encode(text.slice(at, end)), end === text.length);
    at = end;
  }
  return out > bytes;
}

/** The fragment of a link that carries the graph as plain URI-encoded JSON (hand-writable). */
export function encodePlainGraphLink(doc: unknown): string {
  return `#${LINK_KEY}=${encodeURIComponent(stringifyDocument(doc))}`;
}

/**
 * Read a graph from a full link, a fragment (`#graph=…`) or the bare payload. Accepts the
 * compressed form and plain URI-encoded JSON. Never throws: a malformed, truncated,
 * oversized or hostile link gives a message naming the problem.
 */
export function decodeGraphLink(link: string): ParseResult<GraphDocument> {
  const text = linkText(link);
  if (!text.ok) return text;
  const parsed = parseGraphText(text.value);
  return parsed.ok ? parsed : fail(`holds an invalid graph: ${parsed.error}`);
}

/**
 * The text a link carries under `key` (compressed or plain), or the problem with it; the
 * same limits as for graphs (length, inflated size, UTF-8) hold for every key.
 */
export function linkText(link: string, key = LINK_KEY): ParseResult<string> {
  if (link.length > MAX_LINK_CHARS)
    return fail(`is ${link.length} characters, over the limit of ${MAX_LINK_CHARS}`);
  const payload = extractPayload(link, key) ?? link;
  return payload.startsWith(COMPRESSED)
    ? inflateText(payload.slice(COMPRESSED.length))
    : plainText(payload);
}

function inflateText(encoded: string): ParseResult<string> {
  const bytes = decodeBase64url(encoded);
  if (!(bytes instanceof Uint8Array)) return fail(`is damaged: the data ${bytes.error}`);
  const inflated = inflateCapped(bytes);
  if (!inflated.ok) return inflated;
  try {
    return { ok: true, value: utf8Decode(inflated.value) };
  } catch {
    return fail('is damaged: the graph is not valid UTF-8 text');
  }
}

function inflateCapped(bytes: Uint8Array): ParseResult<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const stream = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > MAX_INFLATED_BYTES) throw new RangeError('bomb');
    chunks.push(chunk);
    ended ||= final;
  });
  try {
    const step = 16 * 1024;
    for (let i = 0; i < bytes.length || i === 0; i += step)
      stream.push(bytes.subarray(i, i + step), i + step >= bytes.length);
  } catch (e) {
    if (e instanceof RangeError)
      return fail(`inflates to more than ${MAX_INFLATED_BYTES} bytes; refusing it`);
    return fail(
      `is damaged: the compressed data is corrupt or truncated (${(e as Error).message})`,
    );
  }
  if (!ended) return fail('is damaged: the compressed data is truncated');
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return { ok: true, value: out };
}

function plainText(payload: string): ParseResult<string> {
  try {
    return { ok: true, value: decodeURIComponent(payload) };
  } catch {
    return fail('is damaged: its percent-encoding is invalid');
  }
}

function fail(problem: string): { ok: false; error: string } {
  return { ok: false, error: `link ${problem}` };
}
