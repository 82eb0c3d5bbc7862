import type { KeyboardEvent } from 'react';
import type { MessageKey } from '../../i18n/en.ts';
import { useT } from '../../i18n/useT.ts';
import { SPEEDS, type StepCommand } from './step.ts';
import { StepIcon } from './StepIcon.tsx';
import { useInspect, useInspectStore } from './useInspect.ts';

const KEYS: Record<string, StepCommand> = {
  ArrowLeft: 'back',
  ArrowRight: 'forward',
  Home: 'first',
  End: 'last',
};

const BUTTONS: {
  command: 'first' | 'back' | 'forward' | 'last';
  label: MessageKey;
  keys: string;
}[] = [
  { command: 'first', label: 'step.first', keys: 'Home' },
  { command: 'back', label: 'step.back', keys: 'ArrowLeft' },
  { command: 'forward', label: 'step.forward', keys: 'ArrowRight' },
  { command: 'last', label: 'step.last', keys: 'End' },
];

/**
 * Play, pause, step and speed for the walk through a node's output cells. The buttons are
 * named from the catalogue; ← → Home End step while focus is on the controls.
 */
export function StepControls({ walk, index }: { walk: readonly number[]; index: number }) {
  const t = useT();
  const store = useInspectStore();
  const playing = useInspect((s) => s.playing);
  const speed = useInspect((s) => s.speed);
  const at = walk.indexOf(index);
  const step = (command: StepCommand) => store.step(walk, command);
  const onKeyDown = (e: KeyboardEvent) => {
    const command = KEYS[e.key];
    if (!command || (e.target as HTMLElement).tagName === 'SELECT') return;
    e.preventDefault();
    step(command);
  };
  const [first, back, forward, last] = BUTTONS.map((b) => (
    <button
      key={b.command}
      type="button"
      className="ex-step"
      aria-label={t(b.label)}
      title={t(b.label)}
      aria-keyshortcuts={b.keys}
      // aria-disabled, not disabled: a button pressed up to the end keeps the keyboard focus.
      aria-disabled={isAtEdge(b.command, at, walk.length)}
      onClick={() => step(b.command)}
    >
      <StepIcon name={b.command} />
    </button>
  ));
  return (
    <div className="ex-steps" role="group" aria-label={t('step.controls')} onKeyDown={onKeyDown}>
      {first}
      {back}
      <button
        type="button"
        className="ex-step ex-play"
        aria-label={t(playing ? 'step.pause' : 'step.play')}
        onClick={() => step(playing ? 'pause' : 'play')}
      >
        <span aria-hidden="true">{playing ? '⏸' : '▶'}</span>{' '}
        {t(playing ? 'step.pause' : 'step.play')}
      </button>
      {forward}
      {last}
      <label className="ex-speed">
        <span>{t('step.speed')}</span>
        <select value={speed} onChange={(e) => store.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {t('step.perSecond', { n: s })}
            </option>
          ))}
        </select>
      </label>
      <span className="ex-position" aria-live={playing ? 'off' : 'polite'}>
        {t('step.position', { k: at + 1, n: walk.length })}
      </span>
    </div>
  );
}

/** Stepping further that way would not move. */
function isAtEdge(command: StepCommand, at: number, length: number): boolean {
  if (command === 'first' || command === 'back') return at === 0;
  return at === length - 1;
}
