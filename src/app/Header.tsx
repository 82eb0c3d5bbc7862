import { HelpPanel } from './HelpPanel.tsx';
import { PresetPicker } from './PresetPicker.tsx';
import { useHelpToggle } from './useHelpToggle.ts';

/** App name, preset picker, engine restart and help. */
export function Header({ onRestart }: { onRestart(): void }) {
  const [helpOpen, setHelpOpen] = useHelpToggle();
  return (
    <header className="cf-header">
      <h1 className="cf-title">
        convflow <span className="cf-tagline">CNN layers, live</span>
      </h1>
      <PresetPicker />
      <span className="cf-header-spacer" />
      <button type="button" className="cf-button" onClick={onRestart}>
        Restart engine
      </button>
      <button
        type="button"
        className="cf-button cf-help-button"
        aria-label="Help"
        aria-expanded={helpOpen}
        onClick={() => setHelpOpen(!helpOpen)}
      >
        ?
      </button>
      {helpOpen && <HelpPanel onClose={() => setHelpOpen(false)} />}
    </header>
  );
}
