import type { KeyboardEvent } from 'react';
import type { MessageKey } from '../../i18n/en.ts';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/explain-messages.ts';
import { SPEEDS, type StepCommand } from '../inspect/step.ts';
import { StepIcon } from './StepIcon.tsx';
import { useInspect, useInspectStore } from '../inspect/useInspect.ts';

const KEYS: Record<string, StepCommand> = {
  ArrowLeft: 'back',
  ArrowRight: 'forward',
  Home: 'first',
  End: 'last',
};

type Move = 'first' | 'back' | 'forward' | 'last';
const LABELS: Record<Move, MessageKey> = {
  first: 'step.first',
  back: 'step.back',
  forward: 'step.forward',
  last: 'step.last',
};
const SHORTCUTS: Record<Move, string> = {
  first: 'Home',
  back: 'ArrowLeft',
  forward: 'ArrowRight',
  last: 'End',
};

/**
 * Play, pause, step and speed for the walk through a node's output cells. The buttons are
 * named from the catalogue; ← → Home End step while focus is on the controls.
 */
export function StepControls({ walk, index }: { walk: readonly number[]; index: number }) {
  const t = useT();
  const store = useInspectStore();
  const playing = useInspect((s) => s.playing);
  const at = walk.indexOf(index);
  const step = (command: StepCommand) => store.step(walk, command);
  const onKeyDown = (e: KeyboardEvent) => {
    const command = KEYS[e.key];
    if (!command || (e.target as HTMLElement).tagName === 'SELECT') return;
    e.preventDefault();
    step(command);
  };
  const button = (move: Move) => (
    <StepButton move={move} atEdge={isAtEdge(move, at, walk.length)} onStep={step} />
  );
  const playLabel = t(playing ? 'step.pause' : 'step.play');
  return (
    <div className="ex-steps" role="group" aria-label={t('step.controls')} onKeyDown={onKeyDown}>
      {button('first')}
      {button('back')}
      <button
        type="button"
        className="ex-step ex-play"
        aria-label={playLabel}
        onClick={() => step(playing ? 'pause' : 'play')}
      >
        <StepIcon name={playing ? 'pause' : 'play'} /> {playLabel}
      </button>
      {button('forward')}
      {button('last')}
      <SpeedSelect />
      <span className="ex-position" aria-live={playing ? 'off' : 'polite'}>
        {t('step.position', { k: at + 1, n: walk.length })}
      </span>
    </div>
  );
}

function StepButton(props: { move: Move; atEdge: boolean; onStep(command: StepCommand): void }) {
  const { move, atEdge, onStep } = props;
  const t = useT();
  return (
    <button
      type="button"
      className="ex-step"
      aria-label={t(LABELS[move])}
      title={t(LABELS[move])}
      aria-keyshortcuts={SHORTCUTS[move]}
      // aria-disabled, not disabled: a button pressed up to the end keeps the keyboard focus.
      aria-disabled={atEdge}
      onClick={() => onStep(move)}
    >
      <StepIcon name={move} />
    </button>
  );
}

function SpeedSelect() {
  const t = useT();
  const store = useInspectStore();
  const speed = useInspect((s) => s.speed);
  return (
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
  );
}

/** Stepping further that way would not move. */
function isAtEdge(move: Move, at: number, length: number): boolean {
  if (move === 'first' || move === 'back') return at === 0;
  return at === length - 1;
}
