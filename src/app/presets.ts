import { parseGraph } from '../graph/parse.ts';
import type { Lang } from '../i18n/translate.ts';
import type { GraphDocument } from '../graph/types.ts';

export interface Preset {
  /** File name without `.json`: `01-conv-valid`. */
  key: string;
  /** The English title, which also identifies the preset a document came from. */
  title: string;
  /** Title and description per UI language. */
  text: Record<Lang, { title: string; description: string }>;
  /** The whole document, fetched when chosen: a trained network's weights are 80 kB. */
  load(): Promise<unknown>;
}

type Localized = Partial<Record<Lang, string>>;
type Meta = { title?: Localized; description?: Localized } | undefined;

// Trained networks (`*-trained-*.json`) hold tens of kB of weights: they are chunks of their
// own, loaded when picked, their titles read from presets/meta/. The slides are small and
// part of the page.
const slides = import.meta.glob<unknown>(
  ['../../presets/*.json', '!../../presets/*-trained-*.json'],
  {
    eager: true,
    import: 'default',
  },
);
const trained = import.meta.glob<unknown>('../../presets/*-trained-*.json', { import: 'default' });
const trainedMeta = import.meta.glob<Meta>('../../presets/meta/*.json', {
  eager: true,
  import: 'default',
});

const keyOf = (path: string) => path.replace(/^.*\//, '').replace(/\.json$/, '');

function textOf(meta: Meta, key: string): Preset['text'] {
  const pick = (lang: Lang) => ({
    title: meta?.title?.[lang] ?? meta?.title?.en ?? key,
    description: meta?.description?.[lang] ?? meta?.description?.en ?? '',
  });
  return { en: pick('en'), ja: pick('ja') };
}

/** Every slide preset, in file order. */
export const PRESETS: readonly Preset[] = [
  ...Object.entries(slides).map(([path, graph]) => {
    const key = keyOf(path);
    const text = textOf((graph as { meta?: Meta }).meta, key);
    return { key, title: text.en.title, text, load: () => Promise.resolve(graph) };
  }),
  ...Object.entries(trained).map(([path, load]) => {
    const key = keyOf(path);
    const text = textOf(trainedMeta[`../../presets/meta/${key}.json`], key);
    return { key, title: text.en.title, text, load };
  }),
].sort((a, b) => a.key.localeCompare(b.key));

export const DEFAULT_PRESET_KEY = '01-conv-valid';

const EMPTY: GraphDocument = { format: 'convflow-graph', version: 1, nodes: [], edges: [] };

/** The graph shown at first start: the first slide, already a valid document. */
export function defaultDocument(): GraphDocument {
  const parsed = parseGraph(slides[`../../presets/${DEFAULT_PRESET_KEY}.json`]);
  return parsed.ok ? parsed.value : EMPTY;
}

/** The preset a document was loaded from, recognised by its title. */
export function presetOf(doc: GraphDocument): Preset | undefined {
  const title = doc.meta?.title?.en;
  return title === undefined ? undefined : PRESETS.find((p) => p.title === title);
}
