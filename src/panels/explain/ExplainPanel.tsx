import { lazy, Suspense, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/explain-messages.ts';
import { useEditorState } from '../../state/useEditorState.ts';
import { InputEditor } from './values/InputEditor.tsx';
import type { Focus } from '../inspect/inspect-store.ts';
import { useActiveFocus } from '../inspect/useFocus.ts';
import { useInspectStore } from '../inspect/useInspect.ts';
import { useKeepInView } from './useKeepInView.ts';
import { useNodeData, type NodeData } from '../inspect/useNodeData.ts';
import { SequencePanel } from './SequencePanel.tsx';
import { WindowPanel } from './WindowPanel.tsx';
import './explain.css';
import './explain-work.css';
import './explain-grids.css';
import { Guarded } from '../../ui/Guarded.tsx';
// The backward view's messages (and the panel's buttons for it) come with this chunk.
import '../../i18n/backward-messages.ts';

/** Backpropagation written out: loaded when first asked for. */
const BackwardView = lazy(() => import('./backward/BackwardView.tsx'));

type Mode = 'forward' | 'backward';

/**
 * The side panel for the node whose output cell was chosen: how that cell is computed (with
 * the step-through player), its exercise, and editors for its values. It opens on a cell
 * (a click, an arrow key, "Explain"), not on merely selecting a node.
 */
export function ExplainPanel() {
  const focus = useActiveFocus();
  // Kept while moving from node to node: a learner follows the gradient down the chain.
  const [mode, setMode] = useState<Mode>('forward');
  if (!focus) return null;
  return <PanelFor focus={focus} key={focus.nodeId} mode={mode} onMode={setMode} />;
}

interface PanelForProps {
  focus: Focus;
  mode: Mode;
  onMode(mode: Mode): void;
}

function PanelFor({ focus, mode, onMode }: PanelForProps) {
  const id = focus.nodeId;
  const t = useT();
  const inspect = useInspectStore();
  const data = useNodeData(id);
  const trains = useEditorState((s) => s.doc.training !== undefined);
  useKeepInView(id);
  // A graph that trains can show how a node learns: the backward pass of a step.
  const modes = trains && data !== null && data.node.type !== 'Input';
  const shown = modes ? mode : 'forward';
  // Closing drops the focused cell; the node stays selected.
  const close = () => inspect.clearFocus();
  return (
    <aside className="ex-panel" aria-label={t('explain.panel')}>
      <header className="ex-panel-header">
        <h2 className="ex-title">
          {t('explain.title')}
          {data && (
            <span className="ex-subtitle">
              {data.node.type} <code>{id}</code>
            </span>
          )}
        </h2>
        <button type="button" className="ex-close" aria-label={t('explain.close')} onClick={close}>
          ×
        </button>
      </header>
      {modes && <ModeTabs mode={shown} onMode={onMode} />}
      <div className="ex-panel-body">
        {data && shown === 'backward' ? (
          <Guarded>
            <Suspense fallback={<p className="ex-note">…</p>}>
              <BackwardView data={data} focus={focus} />
            </Suspense>
          </Guarded>
        ) : data ? (
          <PanelBody data={data} focus={focus} />
        ) : (
          <p className="ex-note">{t('explain.unavailable')}</p>
        )}
      </div>
    </aside>
  );
}

/** Forward (how the cell is computed) or Backward (how the last step changed it). */
function ModeTabs({ mode, onMode }: { mode: Mode; onMode(mode: Mode): void }) {
  const t = useT();
  return (
    <div className="ex-modes" role="group" aria-label={t('back.modes')}>
      {(['forward', 'backward'] as const).map((m) => (
        <button
          type="button"
          key={m}
          className="ex-mode"
          aria-pressed={mode === m}
          onClick={() => onMode(m)}
        >
          {t(m === 'forward' ? 'back.forward' : 'back.backward')}
        </button>
      ))}
    </div>
  );
}

function PanelBody({ data, focus }: { data: NodeData; focus: Focus }) {
  switch (data.node.type) {
    case 'Input':
      return <InputEditor node={data.node} />;
    case 'Conv2D':
    case 'MaxPool':
      return <WindowPanel data={data} focus={focus} />;
    default:
      return <SequencePanel data={data} focus={focus} />;
  }
}
