import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { exportKeras } from '../../graph/export-keras.ts';
import { exportTfjs } from '../../graph/export-tfjs.ts';
import { useT } from '../../i18n/useT.ts';
import { useEditorState } from '../../state/useEditorState.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { CodeActions } from './CodeActions.tsx';
import './export.css';

/** The two targets, each with its tab label and download name. */
export const CODE_TARGETS = {
  keras: { label: 'export.keras', file: 'model.py', type: 'text/x-python' },
  tfjs: { label: 'export.tfjs', file: 'model.mjs', type: 'text/javascript' },
} as const;
export type CodeTarget = keyof typeof CODE_TARGETS;
const TARGETS = Object.keys(CODE_TARGETS) as CodeTarget[];

/**
 * The graph as runnable code, Keras (Python) or TensorFlow.js, in tabs: copy or download
 * it. A graph with a node error shows the exporter's refusal instead.
 */
export function ExportCodeDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const doc = useEditorState((s) => s.doc);
  const [target, setTarget] = useState<CodeTarget>('keras');
  const code = useMemo(
    () => (target === 'keras' ? exportKeras(doc) : exportTfjs(doc)),
    [doc, target],
  );
  return (
    <Dialog title={t('export.title')} onClose={onClose} className="cf-export-dialog">
      <CodeTabs target={target} onChange={setTarget} />
      <div
        id="cf-export-panel"
        role="tabpanel"
        aria-labelledby={`cf-export-tab-${target}`}
        className="cf-export-panel"
      >
        {code.ok ? (
          <pre className="cf-code" tabIndex={0}>
            <code>{code.value}</code>
          </pre>
        ) : (
          <p className="cf-export-refused">{t('export.refused', { reason: code.error })}</p>
        )}
      </div>
      <CodeActions code={code.ok ? code.value : null} {...CODE_TARGETS[target]} key={target} />
    </Dialog>
  );
}

/** The language tabs; left and right arrows move between them, as in a tab list. */
function CodeTabs({ target, onChange }: { target: CodeTarget; onChange(t: CodeTarget): void }) {
  const t = useT();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step === undefined) return;
    const next = (TARGETS.indexOf(target) + step + TARGETS.length) % TARGETS.length;
    onChange(TARGETS[next]!);
    tabs.current[next]?.focus();
  };
  return (
    <div className="cf-tabs" role="tablist" aria-label={t('export.title')} onKeyDown={onKeyDown}>
      {TARGETS.map((name, i) => (
        <button
          key={name}
          ref={(el) => {
            tabs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`cf-export-tab-${name}`}
          aria-selected={target === name}
          aria-controls="cf-export-panel"
          tabIndex={target === name ? 0 : -1}
          className="cf-tab"
          onClick={() => onChange(name)}
        >
          {t(CODE_TARGETS[name].label)}
        </button>
      ))}
    </div>
  );
}
