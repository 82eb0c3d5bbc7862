import { useT } from '../../i18n/useT.ts';
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

/**
 * The side panel for the node whose output cell was chosen: how that cell is computed (with
 * the step-through player), its exercise, and editors for its values. It opens on a cell
 * (a click, an arrow key, "Explain"), not on merely selecting a node.
 */
export function ExplainPanel() {
  const focus = useActiveFocus();
  if (!focus) return null;
  return <PanelFor focus={focus} key={focus.nodeId} />;
}

function PanelFor({ focus }: { focus: Focus }) {
  const id = focus.nodeId;
  const t = useT();
  const inspect = useInspectStore();
  const data = useNodeData(id);
  useKeepInView(id);
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
      <div className="ex-panel-body">
        {data ? (
          <PanelBody data={data} focus={focus} />
        ) : (
          <p className="ex-note">{t('explain.unavailable')}</p>
        )}
      </div>
    </aside>
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
