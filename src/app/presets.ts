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
  graph: unknown;
}

const files = import.meta.glob<unknown>('../../presets/*.json', { eager: true, import: 'default' });

type Localized = Partial<Record<Lang, string>>;

function textOf(graph: unknown, key: string): Preset['text'] {
  const meta = (graph as { meta?: { title?: Localized; description?: Localized } }).meta;
  const pick = (lang: Lang) => ({
    title: meta?.title?.[lang] ?? meta?.title?.en ?? key,
    description: meta?.description?.[lang] ?? meta?.description?.en ?? '',
  });
  return { en: pick('en'), ja: pick('ja') };
}

/** Every slide preset, in file order. */
export const PRESETS: readonly Preset[] = Object.entries(files)
  .map(([path, graph]) => {
    const key = path.replace(/^.*\//, '').replace(/\.json$/, '');
    const text = textOf(graph, key);
    return { key, title: text.en.title, text, graph };
  })
  .sort((a, b) => a.key.localeCompare(b.key));

export const DEFAULT_PRESET_KEY = '01-conv-valid';

const EMPTY: GraphDocument = { format: 'convflow-graph', version: 1, nodes: [], edges: [] };

/** The graph shown at first start: the first slide, already a valid document. */
export function defaultDocument(): GraphDocument {
  const preset = PRESETS.find((p) => p.key === DEFAULT_PRESET_KEY) ?? PRESETS[0];
  const parsed = preset ? parseGraph(preset.graph) : null;
  return parsed?.ok ? parsed.value : EMPTY;
}

/** The preset a document was loaded from, recognised by its title. */
export function presetOf(doc: GraphDocument): Preset | undefined {
  const title = doc.meta?.title?.en;
  return title === undefined ? undefined : PRESETS.find((p) => p.title === title);
}
