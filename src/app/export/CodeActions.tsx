import { useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { downloadText } from '../../ui/download-text.ts';

export interface CodeActionsProps {
  /** Null when the graph cannot be exported: both buttons are off. */
  code: string | null;
  file: string;
  type: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** Copy to the clipboard and download, with what happened said politely to screen readers. */
export function CodeActions({ code, file, type }: CodeActionsProps) {
  const t = useT();
  const [copy, setCopy] = useState<CopyState>('idle');
  const copyCode = () => {
    if (code === null) return;
    navigator.clipboard.writeText(code).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };
  return (
    <div className="cf-dialog-actions cf-export-actions">
      <span className="cf-export-status" aria-live="polite">
        {copy === 'copied' ? t('export.copied') : copy === 'failed' ? t('export.copyFailed') : ''}
      </span>
      <button type="button" className="cf-button" disabled={code === null} onClick={copyCode}>
        {t('export.copy')}
      </button>
      <button
        type="button"
        className="cf-button cf-button-primary"
        disabled={code === null}
        onClick={() => code !== null && downloadText(code, file, type)}
      >
        {t('export.download', { file })}
      </button>
    </div>
  );
}
