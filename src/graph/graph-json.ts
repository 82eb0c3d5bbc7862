import { toJsonValue } from './tensor-data.ts';

/**
 * A graph document as a file: indented JSON like the presets, with arrays of numbers (a
 * tensor's data, a shape) and small flat objects (a position) kept on one line, so a file
 * with weights stays readable and diffable instead of one number per line.
 * @example formatGraphJson(doc) // '{\n  "format": "convflow-graph",\n  "version": 1, …'
 */
export function formatGraphJson(value: unknown): string {
  return `${format(toJsonValue(value), 0)}\n`;
}

const INLINE_OBJECT_CHARS = 60;

function format(value: unknown, depth: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const pad = '  '.repeat(depth + 1);
  const end = '  '.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isPrimitive)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    return `[\n${value.map((v) => pad + format(v, depth + 1)).join(',\n')}\n${end}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const items = entries.map(([k, v]) => `${JSON.stringify(k)}: ${format(v, depth + 1)}`);
  const line = `{ ${items.join(', ')} }`;
  if (entries.every(([, v]) => isPrimitive(v)) && line.length <= INLINE_OBJECT_CHARS) return line;
  return `{\n${items.map((item) => pad + item).join(',\n')}\n${end}}`;
}

function isPrimitive(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}
