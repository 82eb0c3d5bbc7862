import type { ReactNode } from 'react';
import { useT } from '../../i18n/useT.ts';
import type { Focus } from './inspect-store.ts';
import { OutputProgress } from './OutputProgress.tsx';
import { StepControls } from './StepControls.tsx';
import { StepIcon } from './StepIcon.tsx';
import { useSelectCell } from './useFocus.ts';
import { useInspectStore } from './useInspect.ts';
import type { ShownTensor } from './useNodeData.ts';
import { usePlayback } from './usePlayback.ts';

export interface WalkthroughProps {
  nodeId: string;
  walk: readonly number[];
  focus: Focus | null;
  output: ShownTensor | undefined;
  outputLabel: string;
  unsolved: ReadonlySet<number>;
  /** How the cell at `index` is computed. */
  children(index: number): ReactNode;
}

/**
 * The player and the cell it stands on: before a cell is chosen, a prompt and a button
 * that starts the walk from the first cell; then the controls, the working and the output
 * filling in.
 */
export function Walkthrough(props: WalkthroughProps) {
  const { nodeId, walk, focus, output, outputLabel, unsolved, children } = props;
  const t = useT();
  const select = useSelectCell(nodeId);
  usePlayback(walk);
  if (!focus || walk.length === 0) return <StartPrompt nodeId={nodeId} walk={walk} />;
  return (
    <section className="ex-section ex-walkthrough" aria-label={t('step.section')}>
      <StepControls walk={walk} index={focus.index} />
      <div className="ex-walk">
        <div className="ex-walk-work">{children(focus.index)}</div>
        {output && (
          <OutputProgress
            label={outputLabel}
            output={output}
            walk={walk}
            index={focus.index}
            unsolved={unsolved}
            onJump={select}
          />
        )}
      </div>
    </section>
  );
}

/** Before a cell is chosen: how to choose one, or start the walk from the first cell. */
function StartPrompt({ nodeId, walk }: { nodeId: string; walk: readonly number[] }) {
  const t = useT();
  const select = useSelectCell(nodeId);
  const inspect = useInspectStore();
  return (
    <div className="ex-start">
      <p className="ex-note">{t('explain.hint')}</p>
      {walk.length > 0 && (
        <button
          type="button"
          className="cf-button ex-start-button"
          onClick={() => {
            select(walk[0]);
            inspect.step(walk, 'play');
          }}
        >
          <StepIcon name="play" /> {t('step.start')}
        </button>
      )}
    </div>
  );
}
