import { useCallback } from 'react';
import { isInitializer, type NodeOf } from '../../graph/types.ts';
import { useT } from '../../i18n/useT.ts';
import type { EditorState } from '../../state/types.ts';
import { useEditorState } from '../../state/useEditorState.ts';
import { useEditorStore } from '../../state/useEditorStore.ts';
import {
  FILTER_PRESET_NAMES,
  filterPresetParams,
  presetOfKernel,
  type FilterPreset,
} from './kernel-presets.ts';
import './filters.css';

/** Input channels of a Conv2D: from its input's inferred shape, else its kernel, else 1. */
function inChannels(state: EditorState, node: NodeOf<'Conv2D'>): number {
  const edge = state.doc.edges.find((e) => e.target === node.id);
  const shape = edge ? state.shapes.get(edge.source) : undefined;
  if (shape?.ok && shape.shape.length === 3) return shape.shape[2]!;
  const kernel = node.params.kernel;
  return isInitializer(kernel) ? 1 : (kernel.shape[2] ?? 1);
}

/**
 * A Conv2D's "filter preset": picking Sobel, Laplacian, a blur, sharpen or the slides'
 * diagonal sets a 3×3 explicit kernel in one edit; shows the preset the kernel holds, if any.
 */
export function FilterPresetSelect({ node }: { node: NodeOf<'Conv2D'> }) {
  const t = useT();
  const store = useEditorStore();
  const inC = useEditorState(useCallback((s: EditorState) => inChannels(s, node), [node]));
  const current = presetOfKernel(node.params.kernel);
  return (
    <span className="cf-field">
      <label className="cf-field-label">
        <span className="cf-field-name">{t('filter.label')}</span>
        <select
          className="cf-input cf-filter-preset nodrag nowheel"
          value={current ?? ''}
          onChange={(e) => {
            const preset = e.target.value as FilterPreset;
            // Not through paramsPatch: it would resize the old kernel over the preset.
            const params = filterPresetParams(preset, inC, node.params.filters);
            store.dispatch([{ kind: 'setParams', id: node.id, params }]);
          }}
        >
          <option value="" disabled>
            {t('filter.custom')}
          </option>
          {FILTER_PRESET_NAMES.map((name) => (
            <option key={name} value={name}>
              {t(`filter.${name}`)}
            </option>
          ))}
        </select>
      </label>
      {current && (
        <span className="cf-field-note">
          {t(`filter.about.${current}`)}
          {inC > 1 && `. ${t('filter.replicated', { c: inC })}`}
        </span>
      )}
    </span>
  );
}
