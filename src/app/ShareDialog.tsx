import { useEffect, useRef } from 'react';
import { useT } from '../i18n/useT.ts';

/** The share link, selected for copying by hand when the clipboard refused it. */
export function ShareDialog({ link, onClose }: { link: string; onClose(): void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [link]);
  return (
    <div
      className="cf-popover cf-share"
      role="dialog"
      aria-label={t('share.title')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="cf-help-head">
        <h2>{t('share.title')}</h2>
        <button
          type="button"
          className="cf-notice-close"
          aria-label={t('share.close')}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <p className="cf-share-hint">{t('share.hint')}</p>
      <input
        ref={input}
        className="cf-share-link"
        readOnly
        value={link}
        aria-label={t('share.link')}
        onFocus={(e) => e.target.select()}
      />
    </div>
  );
}
