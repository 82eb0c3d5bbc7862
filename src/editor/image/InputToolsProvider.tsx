import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import { useEditorStore } from '../../state/useEditorStore.ts';
import type { PendingImage } from './ImageImportDialog.tsx';
import type { ImageTarget } from './image-target.ts';
import type { ImageTensorOptions } from './image-tensor.ts';
import { InputToolsContext, type InputTools } from './input-tools-context.ts';
import { usePasteImage } from './usePasteImage.ts';
import './input-tools.css';
import { Guarded } from '../../ui/Guarded.tsx';

// The pad, the image dialog and the decoder load when first used, not with the page.
const DrawingPad = lazy(() =>
  import('../draw/DrawingPad.tsx').then((m) => ({ default: m.DrawingPad })),
);
const ImageImportDialog = lazy(() =>
  import('./ImageImportDialog.tsx').then((m) => ({ default: m.ImageImportDialog })),
);
const decodeImageFile = async (file: File) =>
  (await import('./decode-image.ts')).decodeImageFile(file);

/** The image dialog's first choices: 28×28 grayscale in [0, 1], like MNIST. */
const FIRST_CHOICES: ImageTensorOptions = {
  height: 28,
  width: 28,
  mode: 'gray',
  range: 'unit',
  fit: 'crop',
  invert: false,
};

/**
 * Image loading (file picker, drops, paste) and the drawing pad for the whole editor: one
 * image dialog and one pad at a time. Must sit inside the editor store and React Flow.
 */
export function InputToolsProvider({ children }: { children: ReactNode }) {
  const store = useEditorStore();
  const [pending, setPending] = useState<PendingImage | null>(null);
  const [choices, setChoices] = useState(FIRST_CHOICES);
  const [padId, setPadId] = useState<string | null>(null);
  const loadImage = useCallback(
    (file: File, target: ImageTarget) => {
      void decodeImageFile(file).then((decoded) => {
        if (decoded.ok) setPending({ image: decoded.image, name: decoded.name, target });
        else store.pushNotice('error', decoded.message);
      });
    },
    [store],
  );
  const tools = useMemo<InputTools>(() => ({ loadImage, openPad: setPadId }), [loadImage]);
  usePasteImage(loadImage);
  return (
    <InputToolsContext.Provider value={tools}>
      {children}
      <Guarded>
        <Suspense fallback={null}>
          {pending && (
            <ImageImportDialog
              pending={pending}
              initial={choices}
              onClose={(used) => {
                setPending(null);
                if (used) setChoices(used);
              }}
            />
          )}
          {padId !== null && <DrawingPad id={padId} onClose={() => setPadId(null)} />}
        </Suspense>
      </Guarded>
    </InputToolsContext.Provider>
  );
}
