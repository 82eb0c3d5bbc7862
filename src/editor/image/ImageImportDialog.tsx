import { useMemo, useState } from 'react';
import { Dialog } from '../../app/Dialog.tsx';
import { useT } from '../../i18n/useT.ts';
import { useEditorStore } from '../../state/useEditorStore.ts';
import { IMAGE_LIMITS } from './image-limits.ts';
import { imageEdits, type ImageTarget } from './image-target.ts';
import {
  compositeOverWhite,
  resizedTensor,
  type ImageTensorOptions,
  type RgbaImage,
} from './image-tensor.ts';
import { ImageOptionsForm } from './ImageOptionsForm.tsx';
import { TensorPreview } from './TensorPreview.tsx';

export interface PendingImage {
  image: RgbaImage;
  name: string;
  target: ImageTarget;
}

export interface ImageImportDialogProps {
  pending: PendingImage;
  /** The choices to start from (the last ones used). */
  initial: ImageTensorOptions;
  onClose(used?: ImageTensorOptions): void;
}

const validSide = (n: number) => Number.isInteger(n) && n >= 1 && n <= IMAGE_LIMITS.maxTargetSide;

/**
 * Size, colours, range and fit of a decoded picture, with a live preview; "Use image" puts
 * the tensor into its Input node (or a new one) in one dispatch, so one undo removes it.
 */
export function ImageImportDialog({ pending, initial, onClose }: ImageImportDialogProps) {
  const t = useT();
  const store = useEditorStore();
  const [options, setOptions] = useState(initial);
  const { image, name, target } = pending;
  const rgb = useMemo(() => compositeOverWhite(image), [image]);
  const valid = validSide(options.height) && validSide(options.width);
  const tensor = useMemo(
    () => (valid ? resizedTensor(rgb, image.width, image.height, options) : null),
    [valid, rgb, image.width, image.height, options],
  );
  const apply = () => {
    if (!tensor) return;
    const doc = store.getState().doc;
    const edits = imageEdits(doc, target, tensor);
    if (!store.dispatch(edits).ok) return;
    if (edits[0]?.kind === 'addNode') {
      const id = (edits[0].node as { id: string }).id;
      store.setSelection({ nodes: [id], edges: [] });
    }
    onClose(options);
  };
  return (
    <Dialog title={t('image.title')} onClose={() => onClose()} className="cf-image-dialog">
      <p className="cf-image-source">
        {t('image.source', { name, size: `${image.width}×${image.height}` })}{' '}
        <span className="cf-image-target">
          {'node' in target ? t('image.into', { id: target.node }) : t('image.intoNew')}
        </span>
      </p>
      <div className="cf-image-body">
        <ImageOptionsForm options={options} onChange={setOptions} />
        <figure className="cf-image-figure">
          {tensor && (
            <TensorPreview
              shape={tensor.shape}
              data={tensor.data}
              max={options.range === 'byte' ? 255 : 1}
              label={t('image.preview', { h: options.height, w: options.width })}
              className="cf-image-preview"
            />
          )}
          {tensor && (
            <figcaption>{t('image.preview', { h: options.height, w: options.width })}</figcaption>
          )}
        </figure>
      </div>
      <div className="cf-dialog-actions">
        <button type="button" className="cf-button" onClick={() => onClose()}>
          {t('image.cancel')}
        </button>
        <button
          type="button"
          className="cf-button cf-button-primary"
          disabled={!tensor}
          onClick={apply}
        >
          {t('image.apply')}
        </button>
      </div>
    </Dialog>
  );
}
