import { lazy, Suspense, useRef, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { useEditorStore } from '../../state/useEditorStore.ts';
import { Icon, type IconName } from '../icons.tsx';
import './export.css';
import { Guarded } from '../../ui/Guarded.tsx';

// The exporters and the model reader load when first used, not with the page.
const ExportCodeDialog = lazy(() =>
  import('./ExportCodeDialog.tsx').then((m) => ({ default: m.ExportCodeDialog })),
);
const importModelFiles = async (files: File[]) =>
  (await import('./model-files.ts')).importModelFiles(files);

/**
 * The sidebar's code section, below the palette: "Export code" (Keras / TensorFlow.js) and
 * "Import model" (a TensorFlow.js `model.json` with optional `.bin` files, replacing the
 * graph in one undoable load). Out of the header, which has no room left at 1280 px.
 */
export function CodeButtons() {
  const t = useT();
  const store = useEditorStore();
  const [open, setOpen] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const importFiles = async (files: File[]) => {
    const result = await importModelFiles(files);
    if (!result.ok) {
      store.pushNotice('error', result.message);
      return;
    }
    if (!store.dispatch([{ kind: 'load', graph: result.doc }]).ok) return;
    const { name, notes, doc } = result;
    store.pushNotice(
      'info',
      notes.length > 0
        ? { key: 'import.notes', params: { name, notes: notes.join(' ') } }
        : { key: 'import.done', params: { name, count: doc.nodes.length } },
    );
  };
  return (
    <>
      <section className="cf-code-panel" aria-labelledby="cf-code-title">
        <h2 className="cf-palette-title" id="cf-code-title">
          {t('code.title')}
        </h2>
        <CodeButton icon="code" label={t('export.button')} onClick={() => setOpen(true)} />
        <CodeButton
          icon="model"
          label={t('import.button')}
          onClick={() => picker.current?.click()}
        />
      </section>
      <input
        ref={picker}
        type="file"
        multiple
        accept=".json,.bin,application/json,application/octet-stream"
        hidden
        aria-label={t('import.label')}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) void importFiles(files);
        }}
      />
      {open && (
        <Guarded>
          <Suspense fallback={null}>
            <ExportCodeDialog onClose={() => setOpen(false)} />
          </Suspense>
        </Guarded>
      )}
    </>
  );
}

interface CodeButtonProps {
  icon: IconName;
  label: string;
  onClick(): void;
}

/** An icon and a label, the width of the sidebar. */
function CodeButton({ icon, label, onClick }: CodeButtonProps) {
  return (
    <button type="button" className="cf-button cf-code-button" onClick={onClick}>
      <Icon name={icon} />
      {label}
    </button>
  );
}
