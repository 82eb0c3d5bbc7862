import { useEditorStore } from '../../state/useEditorStore.ts';
import { useT } from '../../i18n/useT.ts';
import { InputEditor } from '../../editor/values/InputEditor.tsx';
import { useActiveFocus, useSubject } from './useFocus.ts';
import { useInspectStore } from './useInspect.ts';
import { useKeepInView } from './useKeepInView.ts';
import { useNodeData, type NodeData } from './useNodeData.ts';
import { SequencePanel } from './SequencePanel.tsx';
import { WindowPanel } from './WindowPanel.tsx';
import './explain.css';
import './explain-work.css';
import './explain-grids.css';

/**
 * The side panel for the one selected node: how its focused output cell is computed (with
 * the step-through player), its exercise, and editors for its values. Closing it clears the
 * selection.
 */
export function ExplainPanel() {
  const subject = useSubject();
  if (!subject) return null;
  return <PanelFor id={subject} key={subject} />;
}

function PanelFor({ id }: { id: string }) {
  const t = useT();
  const editor = useEditorStore();
  const inspect = useInspectStore();
  const data = useNodeData(id);
  const focus = useActiveFocus();
  useKeepInView(id);
  const close = () => {
    inspect.clearFocus();
    editor.setSelection({ nodes: [], edges: [] });
  };
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

function PanelBody({ data, focus }: { data: NodeData; focus: ReturnType<typeof useActiveFocus> }) {
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
