import { useMemo } from 'react';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/explain-messages.ts';
import { DenseWork } from './DenseWork.tsx';
import { DropoutWork } from './DropoutWork.tsx';
import { FlattenWork } from './FlattenWork.tsx';
import { inputCaption } from './input-caption.ts';
import type { Focus } from '../inspect/inspect-store.ts';
import { walkOf } from '../inspect/step.ts';
import type { NodeData } from '../inspect/useNodeData.ts';
import { Walkthrough } from './Walkthrough.tsx';

const NOTHING: ReadonlySet<number> = new Set();

/** The explain view of a Dense, Dropout or Flatten: output elements visited in index order. */
export function SequencePanel({ data, focus }: { data: NodeData; focus: Focus }) {
  const t = useT();
  const { node, shape, output, input } = data;
  const walk = useMemo(() => walkOf(shape, 0), [shape]);
  const work = (index: number) => {
    if (!input) return <p className="ex-note">{t('node.busy')}</p>;
    switch (node.type) {
      case 'Dense':
        return (
          <DenseWork node={node} input={input.data} inUnits={shape.inUnits ?? 1} index={index} />
        );
      case 'Dropout':
        return <DropoutWork node={node} input={input} index={index} />;
      case 'Flatten':
        return (
          <FlattenWork input={input} index={index} caption={(c) => inputCaption(t, data, c)} />
        );
      default:
        return null;
    }
  };
  return (
    <Walkthrough
      {...{ walk, focus, output }}
      nodeId={node.id}
      outputLabel={t('explain.outputOf', { id: node.id })}
      unsolved={NOTHING}
    >
      {work}
    </Walkthrough>
  );
}
