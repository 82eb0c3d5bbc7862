import { useRef } from 'react';
import './toolbar.css';
import { useT } from '../i18n/useT.ts';
import { Icon, type IconName } from './icons.tsx';
import { ShareDialog } from './ShareDialog.tsx';
import { useGraphActions } from './useGraphActions.ts';
import { useHistoryState, useWorkspace } from './useWorkspace.ts';

interface ToolButtonProps {
  icon: IconName;
  label: string;
  title: string;
  disabled?: boolean;
  /** Icon only below 1500 px (undo and redo arrows need no words there). */
  compact?: boolean;
  onClick(): void;
}

/** An icon and a label; when only the icon shows, the label is still the button's name. */
function ToolButton({ icon, label, title, disabled, compact, onClick }: ToolButtonProps) {
  return (
    <button
      type="button"
      className={compact ? 'cf-button cf-tool cf-tool-compact' : 'cf-button cf-tool'}
      title={title}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon name={icon} />
      <span className="cf-tool-label">{label}</span>
    </button>
  );
}

/** Undo and redo, then sharing and files: the header's graph actions. */
export function Toolbar() {
  const t = useT();
  return (
    <div className="cf-toolbar" role="group" aria-label={t('toolbar.label')}>
      <HistoryButtons />
      <ShareAndFileButtons />
    </div>
  );
}

function HistoryButtons() {
  const t = useT();
  const { history } = useWorkspace();
  const { canUndo, canRedo } = useHistoryState();
  return (
    <div className="cf-toolbar-group">
      <ToolButton
        icon="undo"
        label={t('toolbar.undo')}
        title={t('toolbar.undoTitle')}
        disabled={!canUndo}
        compact
        onClick={history.undo}
      />
      <ToolButton
        icon="redo"
        label={t('toolbar.redo')}
        title={t('toolbar.redoTitle')}
        disabled={!canRedo}
        compact
        onClick={history.redo}
      />
    </div>
  );
}

function ShareAndFileButtons() {
  const t = useT();
  const actions = useGraphActions();
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="cf-toolbar-group">
      <ToolButton
        icon="link"
        label={t('toolbar.copyLink')}
        title={t('toolbar.copyLinkTitle')}
        onClick={actions.copyLink}
      />
      <ToolButton
        icon="download"
        label={t('toolbar.export')}
        title={t('toolbar.exportTitle')}
        onClick={actions.exportFile}
      />
      <ToolButton
        icon="upload"
        label={t('toolbar.import')}
        title={t('toolbar.importTitle')}
        onClick={() => fileInput.current?.click()}
      />
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={t('toolbar.importFile')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // choosing the same file again still opens it
          if (file) void actions.importFile(file);
        }}
      />
      {actions.manualLink !== null && (
        <ShareDialog link={actions.manualLink} onClose={actions.closeManualLink} />
      )}
    </div>
  );
}
