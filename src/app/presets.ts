import { parseGraph } from '../graph/parse.ts';
import type { Lang } from '../i18n/translate.ts';
import type { GraphDocument } from '../graph/types.ts';
import defaultSlide from '../../presets/01-conv-valid.json';

export interface Preset {
  /** File name without `.json`: `01-conv-valid`. */
  key: string;
  /** The English title, which also identifies the preset a document came from. */
  title: string;
  /** The title per UI language. */
  text: Record<Lang, { title: string }>;
  /** The whole document, fetched when chosen: a trained network's weights are 80 kB. */
  load(): Promise<unknown>;
}

type Localized = Partial<Record<Lang, string>> | null | undefined;

// Every preset but the default is a chunk of its own, loaded when picked; the page holds only
// their titles (the `?title` query, build/preset-titles-plugin.ts) and the default graph.
const DEFAULT_PATH = '../../presets/01-conv-valid.json';
const documents: Record<string, () => Promise<unknown>> = {
  ...import.meta.glob<unknown>(['../../presets/*.json', '!../../presets/01-conv-valid.json'], {
    import: 'default',
  }),
  [DEFAULT_PATH]: () => Promise.resolve(defaultSlide),
};
const titles = import.meta.glob<Localized>('../../presets/*.json', {
  eager: true,
  query: '?title',
  import: 'default',
});

const keyOf = (path: string) => path.replace(/^.*\//, '').replace(/\.json$/, '');

/** Every preset, in file order. */
export const PRESETS: readonly Preset[] = Object.entries(documents)
  .map(([path, load]) => {
    const key = keyOf(path);
    const title = titles[path];
    const text = {
      en: { title: title?.en ?? key },
      ja: { title: title?.ja ?? title?.en ?? key },
    };
    return { key, title: text.en.title, text, load };
  })
  .sort((a, b) => a.key.localeCompare(b.key));

export const DEFAULT_PRESET_KEY = keyOf(DEFAULT_PATH);

const EMPTY: GraphDocument = { format: 'convflow-graph', version: 1, nodes: [], edges: [] };

/** The graph shown at first start: the first slide, already a valid document. */
export function defaultDocument(): GraphDocument {
  const parsed = parseGraph(defaultSlide);
  return parsed.ok ? parsed.value : EMPTY;
}

/** The preset a document was loaded from, recognised by its title. */
export function presetOf(doc: GraphDocument): Preset | undefined {
  const title = doc.meta?.title?.en;
  return title === undefined ? undefined : PRESETS.find((p) => p.title === title);
}
