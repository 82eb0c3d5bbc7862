import { readFileSync, statSync } from 'node:fs';
import { MAX_DOCUMENT_CHARS } from '../graph/parse.ts';

/** Text of SOURCE: a file path, or `-` for standard input. Throws an Error with a one-line message. */
export function readSource(source: string): string {
  if (source === '-') return readFileSync(0, 'utf8');
  let size: number;
  try {
    const stat = statSync(source);
    if (!stat.isFile()) throw new Error(`${source} is not a file`);
    size = stat.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT' ? `cannot read ${source}: no such file` : (e as Error).message,
      { cause: e },
    );
  }
  if (size > MAX_DOCUMENT_CHARS)
    throw new Error(`${source} is ${size} bytes, over the limit of ${MAX_DOCUMENT_CHARS}`);
  return readFileSync(source, 'utf8');
}
