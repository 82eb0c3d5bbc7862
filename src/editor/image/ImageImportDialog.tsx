import { useMemo, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { useEditorStore } from '../../state/useEditorStore.ts';
import { Dialog } from '../../ui/Dialog.tsx';
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

/** The tensor the current choices give (null while a side is invalid), and how to use it. */
function useImageTensor(pending: PendingImage, options: ImageTensorOptions) {
  const store = useEditorStore();
  const { image, target } = pending;
  const rgb = useMemo(() => compositeOverWhite(image), [image]);
  const valid = validSide(options.height) && validSide(options.width);
  const tensor = useMemo(
    () => (valid ? resizedTensor(rgb, image.width, image.height, options) : null),
    [valid, rgb, image.width, image.height, options],
  );
  /** One dispatch; a new Input is selected. False when nothing was applied. */
  const apply = (): boolean => {
    if (!tensor) return false;
    const edits = imageEdits(store.getState().doc, target, tensor);
    if (!store.dispatch(edits).ok) return false;
    const first = edits[0];
    if (first?.kind === 'addNode')
      store.setSelection({ nodes: [(first.node as { id: string }).id], edges: [] });
    return true;
  };
  return { tensor, apply };
}

/**
 * Size, colours, range and fit of a decoded picture, with a live preview; "Use image" puts
 * the tensor into its Input node (or a new one) in one dispatch, so one undo removes it.
 */
export function ImageImportDialog({ pending, initial, onClose }: ImageImportDialogProps) {
  const t = useT();
  const [options, setOptions] = useState(initial);
  const { tensor, apply } = useImageTensor(pending, options);
  const { image, name, target } = pending;
  const caption = t('image.preview', { h: options.height, w: options.width });
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
          {tensor ? (
            <TensorPreview
              shape={tensor.shape}
              data={tensor.data}
              max={options.range === 'byte' ? 255 : 1}
              label={caption}
              className="cf-image-preview"
            />
          ) : (
            <div className="cf-tensor-preview cf-image-preview cf-image-empty" />
          )}
          <figcaption>{tensor ? caption : '\u00a0'}</figcaption>
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
          onClick={() => apply() && onClose(options)}
        >
          {t('image.apply')}
        </button>
      </div>
    </Dialog>
  );
}
