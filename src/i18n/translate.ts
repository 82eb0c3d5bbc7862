import { en, type MessageKey } from './en.ts';
import { ja } from './ja.ts';

export type Lang = 'en' | 'ja';
export const LANGS: readonly Lang[] = ['en', 'ja'];
export type MessageParams = Record<string, string | number>;

const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en, ja };

/**
 * The message for `key` in `lang`, `{name}` placeholders filled from `params`.
 * @example translate('ja', 'status.recomputed', { k: 1, n: 2, ms: '0.4' }) // '2ノード中1ノードを再計算(0.4 ms)'
 */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = CATALOGUES[lang][key] ?? en[key];
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
