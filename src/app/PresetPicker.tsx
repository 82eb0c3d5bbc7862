import { useLang, useT } from '../i18n/useT.ts';
import { useEditorState } from '../state/useEditorState.ts';
import { useEditorStore } from '../state/useEditorStore.ts';
import { PresetInfo } from './PresetInfo.tsx';
import { PRESETS, presetOf } from './presets.ts';

/**
 * Loads a slide's graph, replacing the current one (one `load` edit, so one undo step);
 * the ⓘ beside it explains the current graph.
 */
export function PresetPicker() {
  const store = useEditorStore();
  const current = useEditorState((s) => presetOf(s.doc)?.key ?? '');
  const [lang] = useLang();
  const t = useT();
  return (
    <div className="cf-preset">
      <label className="cf-preset-choice">
        <span className="cf-preset-label">{t('preset.label')}</span>
        <select
          aria-label="preset"
          value={current}
          onChange={(e) => {
            const preset = PRESETS.find((p) => p.key === e.target.value);
            if (!preset) return;
            preset.load().then(
              (graph) => {
                if (store.dispatch([{ kind: 'load', graph }]).ok)
                  store.setSelection({ nodes: [], edges: [] });
              },
              (error: Error) => store.pushNotice('error', `${preset.title}: ${error.message}`),
            );
          }}
        >
          {current === '' && <option value="">{t('preset.custom')}</option>}
          {PRESETS.map((p) => (
            <option key={p.key} value={p.key}>
              {p.text[lang].title}
            </option>
          ))}
        </select>
      </label>
      <PresetInfo />
    </div>
  );
}
