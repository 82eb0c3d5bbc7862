/** The player's icons, drawn rather than taken from a font (many lack ⏮ and ⏭). */
export type StepIconName = 'first' | 'back' | 'forward' | 'last' | 'play' | 'pause';

const PATHS: Record<StepIconName, string> = {
  first: 'M3 2h2v12H3zM14 2v12L6 8z',
  back: 'M12 2v12L4 8z',
  forward: 'M4 2v12l8-6z',
  last: 'M11 2h2v12h-2zM2 2v12l8-6z',
  play: 'M4 2v12l10-6z',
  pause: 'M3 2h4v12H3zM9 2h4v12H9z',
};

export function StepIcon({ name }: { name: StepIconName }) {
  return (
    <svg className="ex-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
