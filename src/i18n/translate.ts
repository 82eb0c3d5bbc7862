import { en, type MessageKey } from './en.ts';

export type Lang = 'en' | 'ja';
export const LANGS: readonly Lang[] = ['en', 'ja'];
export type MessageParams = Record<string, string | number>;
type Catalogue = Partial<Record<MessageKey, string>>;

// English is part of the page; another language's messages are a chunk of their own, loaded
// before the page first shows in it or when it is chosen (the first screen of an English
// reader carries no Japanese, and the other way round costs one small request).
const CATALOGUES: Partial<Record<Lang, Catalogue>> = { en };
const LOADERS: Record<Lang, () => Promise<Catalogue>> = {
  en: () => Promise.resolve(en),
  ja: () => import('./ja.ts').then((m) => m.ja),
};

/** Whether `lang`'s messages are loaded, so `translate` gives them rather than English. */
export function catalogueLoaded(lang: Lang): boolean {
  return CATALOGUES[lang] !== undefined;
}

/** Load `lang`'s messages (once). Rejects when the chunk cannot be fetched. */
export async function loadCatalogue(lang: Lang): Promise<void> {
  CATALOGUES[lang] ??= await LOADERS[lang]();
}

/**
 * Messages of a part of the page that loads when first used (a panel's chunk imports and
 * adds them), kept out of the page's first screen: both languages, so a switch needs no
 * further load.
 */
const SECTIONS: Record<Lang, Catalogue> = { en: {}, ja: {} };

/** Add a section's messages, in every language, to what `translate` finds. */
export function addMessages(section: Record<Lang, Catalogue>): void {
  for (const lang of LANGS) Object.assign(SECTIONS[lang], section[lang]);
}

/**
 * The message for `key` in `lang`, `{name}` placeholders filled from `params`.
 * @example translate('ja', 'status.recomputed', { k: 1, n: 2, ms: '0.4' }) // '2ノード中1ノードを再計算(0.4 ms)'
 */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template =
    CATALOGUES[lang]?.[key] ??
    SECTIONS[lang][key] ??
    (en as Catalogue)[key] ??
    SECTIONS.en[key] ??
    key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A message to show later, in whatever language is current then. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}
