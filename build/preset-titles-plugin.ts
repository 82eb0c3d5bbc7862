import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';

const PREFIX = '\0preset-title:';
/** Not ending in `.json`, which Vite's JSON plugin would take for its own. */
const SUFFIX = '.title.js';

/**
 * `import title from './presets/x.json?title'`: only the document's `meta.title` (one per UI
 * language), so the preset menu lists every preset while the graphs themselves, descriptions
 * and weights included, stay in chunks loaded when picked.
 */
export function presetTitles(): Plugin {
  return {
    name: 'convflow-preset-titles',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!source.endsWith('.json?title')) return null;
      const file = source.slice(0, -'?title'.length);
      return PREFIX + (importer ? resolve(dirname(importer), file) : resolve(file)) + SUFFIX;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -SUFFIX.length);
      this.addWatchFile(file);
      const doc = JSON.parse(readFileSync(file, 'utf8')) as { meta?: { title?: unknown } };
      return `export default ${JSON.stringify(doc.meta?.title ?? null)};`;
    },
  };
}
