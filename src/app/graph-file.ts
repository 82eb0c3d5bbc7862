import { parseGraphText, type ParseResult } from '../graph/parse.ts';
import type { GraphDocument } from '../graph/types.ts';
import type { Lang } from '../i18n/translate.ts';
import { downloadText } from '../ui/download-text.ts';

/** Largest graph file read; checked before reading a byte of it. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
const FALLBACK_NAME = 'convflow-graph';

/** Read a dropped or picked file as a graph: size first, then JSON, then the schema. */
export async function readGraphFile(file: Blob): Promise<ParseResult<GraphDocument>> {
  if (file.size > MAX_FILE_BYTES) {
    const mb = (file.size / 2 ** 20).toFixed(1);
    return {
      ok: false,
      error: `it is ${mb} MiB, over the limit of ${MAX_FILE_BYTES / 2 ** 20} MiB`,
    };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: 'it could not be read' };
  }
  return parseGraphText(text);
}

/**
 * `<title>.json` in the UI language (the preset's title, if any), else `convflow-graph.json`,
 * with the characters file systems refuse replaced.
 */
export function exportFileName(doc: GraphDocument, lang: Lang): string {
  const title = doc.meta?.title?.[lang] ?? doc.meta?.title?.en ?? '';
  const safe = title
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .replace(/^[.\s-]+|[.\s-]+$/g, '');
  return `${safe || FALLBACK_NAME}.json`;
}

/** Hand a graph file's text (see `formatGraphJson`) to the browser as a download. */
export function downloadGraph(text: string, fileName: string): void {
  downloadText(text, fileName, 'application/json');
}
