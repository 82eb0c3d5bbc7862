import type { ReactNode } from 'react';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/explain-messages.ts';
import type { Focus } from '../inspect/inspect-store.ts';
import { OutputProgress } from './OutputProgress.tsx';
import { StepControls } from './StepControls.tsx';
import { useSelectCell } from '../inspect/useFocus.ts';
import type { ShownTensor } from '../inspect/useNodeData.ts';
import { usePlayback } from './usePlayback.ts';

export interface WalkthroughProps {
  nodeId: string;
  walk: readonly number[];
  focus: Focus;
  output: ShownTensor | undefined;
  outputLabel: string;
  unsolved: ReadonlySet<number>;
  /** How the cell at `index` is computed. */
  children(index: number): ReactNode;
}

/** The player and the cell it stands on: the controls, the working, the output filling in. */
export function Walkthrough(props: WalkthroughProps) {
  const { nodeId, walk, focus, output, outputLabel, unsolved, children } = props;
  const t = useT();
  const select = useSelectCell(nodeId);
  usePlayback(walk);
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
