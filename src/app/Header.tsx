import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { useT } from '../i18n/useT.ts';
import { HelpPanel } from './HelpPanel.tsx';
import { PresetPicker } from './PresetPicker.tsx';
import { Toolbar } from './Toolbar.tsx';
import { LessonButton } from './LessonButton.tsx';
import { useHelpToggle } from './useHelpToggle.ts';

/** App name, preset picker, graph actions (undo, share, files), the Train panel's switch, engine restart and help. */
export interface HeaderProps {
  onRestart(): void;
  trainOpen: boolean;
  onToggleTrain(): void;
}

export function Header({ onRestart, trainOpen, onToggleTrain }: HeaderProps) {
  const [helpOpen, setHelpOpen] = useHelpToggle();
  const t = useT();
  return (
    <header className="cf-header">
      <h1 className="cf-title">
        convflow <span className="cf-tagline">{t('app.tagline')}</span>
      </h1>
      <PresetPicker />
      <Toolbar />
      <span className="cf-header-spacer" />
      <LessonButton />
      <button
        type="button"
        className="cf-button cf-train-toggle"
        aria-pressed={trainOpen}
        onClick={onToggleTrain}
      >
        {t('train.open')}
      </button>
      <LanguageSwitch />
      <button type="button" className="cf-button" onClick={onRestart}>
        {t('app.restartEngine')}
      </button>
      <button
        type="button"
        className="cf-button cf-help-button"
        aria-label={t('app.help')}
        aria-expanded={helpOpen}
        onClick={() => setHelpOpen(!helpOpen)}
      >
        ?
      </button>
      {helpOpen && <HelpPanel onClose={() => setHelpOpen(false)} />}
    </header>
  );
}
