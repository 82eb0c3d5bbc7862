import { useEffect, useRef } from 'react';
import { useT } from '../i18n/useT.ts';
import { Dialog } from '../ui/Dialog.tsx';

/** The share link, selected for copying by hand when the clipboard refused it. */
export function ShareDialog({ link, onClose }: { link: string; onClose(): void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  // Runs after the dialog's own effect has focused its box: the link takes the focus.
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [link]);
  return (
    <Dialog title={t('share.title')} onClose={onClose} className="cf-share">
      <p className="cf-share-hint">{t('share.hint')}</p>
      <input
        ref={input}
        className="cf-share-link"
        readOnly
        value={link}
        aria-label={t('share.link')}
        onFocus={(e) => e.target.select()}
      />
    </Dialog>
  );
}
