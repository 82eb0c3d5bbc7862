import { useT } from '../i18n/useT.ts';
import { useFileDrop } from './useFileDrop.ts';
import { useImportFile } from './useGraphActions.ts';

/** Opens a graph file dropped anywhere on the page; says so while one is dragged over. */
export function FileDrop() {
  const importFile = useImportFile();
  const over = useFileDrop(importFile);
  const t = useT();
  if (!over) return null;
  return (
    <div className="cf-file-drop" aria-hidden="true">
      <span>{t('files.dropHint')}</span>
    </div>
  );
}
