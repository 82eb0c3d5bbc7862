import type * as z from 'zod/mini';
import { graphSchema, nodeSchema } from './schema.ts';
import type { GraphDocument, GraphNode } from './types.ts';

/** Largest document text read, in characters; checked before JSON.parse allocates anything. */
export const MAX_DOCUMENT_CHARS = 256 * 1024 * 1024;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Validate an already-parsed JSON value as a graph document, filling defaults.
 * The error names the path and the rule: `nodes[2].params.kernelSize: expected two integers from 1 to 64`.
 */
export function parseGraph(value: unknown): ParseResult<GraphDocument> {
  const result = graphSchema.safeParse(value);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, error: describeIssues(result.error.issues) };
}

/** Validate JSON text as a graph document. */
export function parseGraphText(text: string): ParseResult<GraphDocument> {
  if (text.length > MAX_DOCUMENT_CHARS) {
    return {
      ok: false,
      error: `document is ${text.length} characters, over the limit of ${MAX_DOCUMENT_CHARS}`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not JSON: ${clip((e as Error).message)}` };
  }
  return parseGraph(value);
}

/** Validate one node (as an edit would bring it), filling defaults. */
export function parseNode(value: unknown): ParseResult<GraphNode> {
  const result = nodeSchema.safeParse(value);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, error: describeIssues(result.error.issues) };
}

/** `nodes[2].params.kernelSize` from `['nodes', 2, 'params', 'kernelSize']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const first = issues[0] && closestMatch(issues[0]);
  if (!first) return 'invalid document';
  const where = formatPath(first.path);
  const message = clip(messageOf(first));
  const more =
    issues.length > 1
      ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})`
      : '';
  return `${where === '' ? 'document' : where}: ${message}${more}`;
}

/**
 * An issue's message. Every rule of the format names its own; zod/mini ships no locale, so
 * the one generic case (a key the format does not have) is worded here, as zod's English
 * locale words it.
 */
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => JSON.stringify(k)).join(', ');
    return `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${keys}`;
  }
  return issue.message;
}

/**
 * For a value that matches none of a union's forms, the problem within the form it went
 * furthest into, when one clearly did: a kernel tensor with a NaN is named at its value
 * (`params.kernel.data[3]`), not as "a tensor or an initializer".
 */
function closestMatch(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || !('errors' in issue)) return issue;
  const depth = (branch: readonly z.core.$ZodIssue[]) =>
    Math.max(0, ...branch.map((i) => i.path.length));
  const depths = issue.errors.map(depth);
  const best = Math.max(...depths);
  const index = depths.indexOf(best);
  const branch = issue.errors[index];
  if (best < 2 || depths.lastIndexOf(best) !== index || !branch?.[0]) return issue;
  const inner = branch.find((i) => i.path.length === best) ?? branch[0];
  return closestMatch({ ...inner, path: [...issue.path, ...inner.path] });
}

/**
 * Messages may quote user text; never echo megabytes of it, nor a line break or control
 * character that would split the one-line error the CLI promises.
 */
function clip(text: string): string {
  const short = text.length > 300 ? `${text.slice(0, 300)}…` : text;
  return short.replace(
    /[\p{Cc}\u2028\u2029]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
