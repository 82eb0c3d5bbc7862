import { useLang, useT } from './useT.ts';
import type { Lang } from './translate.ts';

const NAMES: Record<Lang, string> = { en: 'English', ja: '日本語' };

/** The header's language switch; the choice is remembered. */
export function LanguageSwitch() {
  const [lang, setLang] = useLang();
  const t = useT();
  return (
    <label className="cf-lang">
      <span className="cf-visually-hidden">{t('app.language')}</span>
      <select
        aria-label={t('app.language')}
        value={lang}
        onChange={(e) => setLang(e.target.value as Lang)}
      >
        {(Object.keys(NAMES) as Lang[]).map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
