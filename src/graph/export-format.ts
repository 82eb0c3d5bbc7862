import { float32Json } from './tensor-data.ts';

/**
 * Text helpers shared by the Keras and TensorFlow.js code generators: number literals,
 * wrapped arrays, identifiers and one-line comments that are valid in both languages.
 */

/** The shortest decimal that reads back as the same float32: `0.1`, not `0.10000000149011612`. */
export function float32Literal(x: number): string {
  return Object.is(x, -0) ? '0' : String(float32Json(x));
}

/**
 * Values as comma-separated float32 literals, wrapped so no line is longer than `width`
 * characters after `indent`. Returns the lines without brackets.
 */
export function wrapNumbers(values: ArrayLike<number>, indent: string, width = 96): string[] {
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const item = float32Literal(values[i]!) + (i < values.length - 1 ? ',' : '');
    if (line !== '' && indent.length + line.length + 1 + item.length > width) {
      lines.push(indent + line);
      line = item;
    } else {
      line = line === '' ? item : `${line} ${item}`;
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

/**
 * An array literal `[…]` of the values: one line if short, else wrapped one `step` deeper
 * than `indent`.
 */
export function arrayLiteral(values: ArrayLike<number>, indent: string, step = '  '): string {
  const inner = wrapNumbers(values, indent + step);
  if (inner.length === 1 && inner[0]!.length < 72) return `[${inner[0]!.trim()}]`;
  return `[\n${inner.join('\n')}\n${indent}]`;
}

/** A string literal valid in both Python 3 and JavaScript (JSON's escaping suits both). */
export function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(
    /[\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Text safe inside a line comment: line breaks (including U+2028/2029, which end a
 * JavaScript comment) and control characters become spaces; long text is cut.
 */
export function commentText(text: string, max = 200): string {
  const flat = text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * Unique layer names for node ids: letters, digits and underscores, starting with a letter,
 * as both Keras and TensorFlow's name scopes accept. Names already taken get `_2`, `_3`, …
 * @example layerNames(['conv 1', 'conv_1', '__proto__']) // ['conv_1', 'conv_1_2', 'n__proto__']
 */
export function layerNames(ids: readonly string[]): string[] {
  const taken = new Set<string>();
  return ids.map((id) => {
    let base = id.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 48);
    if (!/^[A-Za-z]/.test(base)) base = `n${base}`;
    let name = base;
    for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
    taken.add(name);
    return name;
  });
}
