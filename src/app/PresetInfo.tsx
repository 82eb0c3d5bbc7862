import { useEffect, useState } from 'react';
import { useLang, useT } from '../i18n/useT.ts';
import { useEditorState } from '../state/useEditorState.ts';
import { Icon } from './icons.tsx';

/**
 * An ⓘ button beside the preset picker that shows the graph's description (a preset's
 * explanation of its slide) in the current language. Absent when there is none.
 */
export function PresetInfo() {
  const meta = useEditorState((s) => s.doc.meta);
  const [lang] = useLang();
  const t = useT();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open]);
  // A graph described only in English shows that, marked as English.
  const textLang = meta?.description?.[lang] ? lang : 'en';
  const description = meta?.description?.[textLang];
  if (!description) return null;
  const title = meta?.title?.[textLang];
  return (
    <>
      <button
        type="button"
        className="cf-button cf-icon-button"
        aria-label={t('preset.about')}
        title={t('preset.about')}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <Icon name="info" />
      </button>
      {open && (
        <div
          className="cf-popover cf-about"
          role="note"
          aria-label={t('preset.about')}
          lang={textLang}
        >
          {title && <h2>{title}</h2>}
          <p>{description}</p>
        </div>
      )}
    </>
  );
}
