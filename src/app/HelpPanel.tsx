import type { MessageKey } from '../i18n/en.ts';
import { useT } from '../i18n/useT.ts';

const SHORTCUTS: [MessageKey, MessageKey][] = [
  ['help.addKeys', 'help.add'],
  ['help.clickKeys', 'help.click'],
  ['help.dragKeys', 'help.drag'],
  ['help.connectKeys', 'help.connect'],
  ['help.deleteKeys', 'help.delete'],
  ['help.undoKeys', 'help.undo'],
  ['help.selectKeys', 'help.select'],
  ['help.panKeys', 'help.pan'],
  ['help.helpKeys', 'help.help'],
];

/** Keyboard and mouse help, opened from the header's "?" button. */
export function HelpPanel({ onClose }: { onClose(): void }) {
  const t = useT();
  return (
    <div className="cf-help" role="dialog" aria-label={t('help.title')}>
      <div className="cf-help-head">
        <h2>{t('help.title')}</h2>
        <button
          type="button"
          className="cf-notice-close"
          aria-label={t('app.closeHelp')}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="cf-help-row">
            <dt>{t(keys)}</dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
