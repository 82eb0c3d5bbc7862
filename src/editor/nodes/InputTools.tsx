import { useRef } from 'react';
import type { TensorValue } from '../../graph/types.ts';
import { useT } from '../../i18n/useT.ts';
import { IMAGE_ACCEPT } from '../image/image-limits.ts';
import { useInputTools } from '../image/input-tools-context.ts';
import { SAMPLE_KINDS, sampleTensor, type SampleKind } from '../samples/samples.ts';
import { useParamCommit } from './useParamCommit.ts';

/** A sample's name in the picker: `digit 3`, `stripes 45°`, `checkerboard`. */
function useSampleName() {
  const t = useT();
  return (kind: SampleKind) => {
    if (kind.startsWith('digit-')) return t('sample.digit', { d: kind.slice(6) });
    if (kind.startsWith('stripes-')) return t('sample.stripes', { angle: kind.slice(8) });
    return t(`sample.${kind as 'checkerboard' | 'circle' | 'gradient'}`);
  };
}

/**
 * The Input node's ways to fill its tensor: an image file, the drawing pad, or a sample made
 * at the node's current size. Each is one edit.
 */
export function InputTools({ id, tensor }: { id: string; tensor: TensorValue }) {
  const t = useT();
  const tools = useInputTools();
  const commit = useParamCommit(id);
  const picker = useRef<HTMLInputElement>(null);
  const sampleName = useSampleName();
  if (!tools) return null;
  const [h = 1, w = 1, c = 1] = tensor.shape;
  return (
    <div className="cf-input-tools">
      <button type="button" className="cf-button" onClick={() => picker.current?.click()}>
        {t('image.load')}
      </button>
      <input
        ref={picker}
        type="file"
        accept={IMAGE_ACCEPT}
        hidden
        aria-label={t('image.loadInto', { id })}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) tools.loadImage(file, { node: id });
        }}
      />
      <button
        type="button"
        className="cf-button"
        aria-label={t('draw.openFor', { id })}
        onClick={() => tools.openPad(id)}
      >
        {t('draw.open')}
      </button>
      <select
        className="cf-input nodrag nowheel"
        aria-label={t('sample.label')}
        value=""
        onChange={(e) => commit({ tensor: sampleTensor(e.target.value as SampleKind, h, w, c) })}
      >
        <option value="" disabled>
          {t('sample.choose')}
        </option>
        {SAMPLE_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {sampleName(kind)}
          </option>
        ))}
      </select>
    </div>
  );
}
