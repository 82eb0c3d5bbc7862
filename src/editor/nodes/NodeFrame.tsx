import { useContext, type ReactNode } from 'react';
import type { NodeType } from '../../graph/types.ts';
import { useT } from '../../i18n/useT.ts';
import { formatCount, formatShape } from '../format.ts';
import { NodeTraining } from '../../panels/train/NodeTraining.tsx';
import { useLiveOutput, usePixelsWhileTraining } from '../../panels/train/TrainingContext.tsx';
import { useEditorState } from '../../state/useEditorState.ts';
import { NodeHandleContext } from './node-handles.ts';
import { NodeOutput } from './NodeOutput.tsx';
import { BUSY_SHOW_DELAY_MS, useDelayedFlag } from './useDelayedFlag.ts';
import { useNodeStatus } from './useNodeStatus.ts';
import './nodes.css';

export interface NodeFrameProps {
  id: string;
  type: NodeType;
  selected: boolean;
  children?: ReactNode;
}

/**
 * What every node shares: handles, a header with type and id, the parameter controls given
 * as children, the output shape and parameter count, the error in words, and the heatmap.
 */
export function NodeFrame({ id, type, selected, children }: NodeFrameProps) {
  const { shape, result, busy, error } = useNodeStatus(id);
  // aria-busy follows the engine at once; the look of it waits (see BUSY_SHOW_DELAY_MS).
  const looksBusy = useDelayedFlag(busy, BUSY_SHOW_DELAY_MS);
  const classes = ['cf-node', `cf-node-${type.toLowerCase()}`];
  if (selected) classes.push('cf-selected');
  if (error) classes.push('cf-invalid');
  if (looksBusy) classes.push('cf-busy');
  const trainingInput = useEditorState((s) => s.doc.training?.input);
  // While training, the chain's nodes show the watched sample through the current weights.
  const live = useLiveOutput(id, trainingInput, shape?.ok ? shape.shape : undefined);
  const output = error ? undefined : (live ?? result?.output);
  const pixels = usePixelsWhileTraining(id, trainingInput, output?.data.length ?? 0);
  const t = useT();
  const Handle = useContext(NodeHandleContext);
  return (
    <section className={classes.join(' ')} aria-label={`${type} ${id}`} aria-busy={busy}>
      {type !== 'Input' && <Handle type="target" />}
      <header className="cf-node-header">
        <span className="cf-node-type">{type}</span>
        <span className="cf-node-id">{id}</span>
        {live && (
          <span className={`cf-live-badge cf-live-${live.kind}`}>
            {t(live.kind === 'live' ? 'train.live' : 'train.gradient')}
          </span>
        )}
      </header>
      {children && <div className="cf-node-params nodrag nopan">{children}</div>}
      <div className="cf-node-meta">
        <span className="cf-node-shape" title={t('node.outputShape')}>
          {shape?.ok ? formatShape(shape.shape) : '—'}
        </span>
        <span className="cf-node-count">
          {shape?.ok
            ? t(shape.paramCount === 1 ? 'node.param' : 'node.params', {
                count: formatCount(shape.paramCount),
              })
            : ''}
        </span>
      </div>
      {error && <p className="cf-node-error">{error}</p>}
      {output ? (
        <div className="cf-node-output">
          <NodeOutput {...{ id, type }} tensor={output} busy={looksBusy} pixels={pixels} />
          <NodeTraining id={id} output={output.data} />
        </div>
      ) : (
        !error && busy && <p className="cf-node-pending">{t('node.busy')}</p>
      )}
      <Handle type="source" />
    </section>
  );
}
