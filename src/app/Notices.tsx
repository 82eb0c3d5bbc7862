import { useEffect } from 'react';
import { useT } from '../i18n/useT.ts';
import type { Notice } from '../state/types.ts';
import { useEditorState } from '../state/useEditorState.ts';
import { useEditorStore } from '../state/useEditorStore.ts';

/**
 * How long a refusal or a confirmation stays up; a restart notice, and one offering an
 * action ("Restore previous graph"), stay until dismissed.
 */
const ERROR_MS = 8000;

/** Refusals and engine restarts, announced as alerts. */
export function Notices() {
  const notices = useEditorState((s) => s.notices);
  return (
    <div className="cf-notices">
      {notices.map((n) => (
        <NoticeItem key={n.id} notice={n} />
      ))}
    </div>
  );
}

function NoticeItem({ notice }: { notice: Notice }) {
  const store = useEditorStore();
  const t = useT();
  const { message, action } = notice;
  useEffect(() => {
    if (notice.kind === 'restart' || notice.action) return;
    const timer = setTimeout(() => store.dismissNotice(notice.id), ERROR_MS);
    return () => clearTimeout(timer);
  }, [store, notice]);
  return (
    <div role="alert" className={`cf-notice cf-notice-${notice.kind}`}>
      <span>{typeof message === 'string' ? message : t(message.key, message.params)}</span>
      {action && (
        <button
          type="button"
          className="cf-button cf-notice-action"
          onClick={() => {
            store.dismissNotice(notice.id);
            action.run();
          }}
        >
          {t(action.label.key, action.label.params)}
        </button>
      )}
      <button
        type="button"
        className="cf-notice-close"
        aria-label={t('app.dismiss')}
        onClick={() => store.dismissNotice(notice.id)}
      >
        ×
      </button>
    </div>
  );
}
