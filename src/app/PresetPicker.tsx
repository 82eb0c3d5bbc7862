import { useEditorState } from '../state/useEditorState.ts';
import { useEditorStore } from '../state/useEditorStore.ts';
import { PRESETS, presetOf } from './presets.ts';

/** Loads a slide's graph, replacing the current one (one `load` edit). */
export function PresetPicker() {
  const store = useEditorStore();
  const current = useEditorState((s) => presetOf(s.doc)?.key ?? '');
  return (
    <label className="cf-preset">
      <span className="cf-preset-label">Preset</span>
      <select
        aria-label="preset"
        value={current}
        onChange={(e) => {
          const preset = PRESETS.find((p) => p.key === e.target.value);
          if (!preset) return;
          if (store.dispatch([{ kind: 'load', graph: preset.graph }]).ok)
            store.setSelection({ nodes: [], edges: [] });
        }}
      >
        {current === '' && <option value="">(your own graph)</option>}
        {PRESETS.map((p) => (
          <option key={p.key} value={p.key}>
            {p.title}
          </option>
        ))}
      </select>
    </label>
  );
}
