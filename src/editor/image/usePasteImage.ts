import { useEffect } from 'react';
import { useEditorStore } from '../../state/useEditorStore.ts';
import { isTyping } from '../useAddShortcut.ts';
import { usePlacement } from '../usePlacement.ts';
import { imageTargetFor, type ImageTarget } from './image-target.ts';

/** The first image file on the clipboard, if any. */
function pastedImage(data: DataTransfer | null): File | null {
  for (const file of data?.files ?? []) if (file.type.startsWith('image/')) return file;
  return null;
}

/**
 * Ctrl/Cmd+V of an image anywhere in the app (not while typing in a field) loads it into
 * the selected or only Input node, else into a new one in view.
 */
export function usePasteImage(loadImage: (file: File, target: ImageTarget) => void): void {
  const store = useEditorStore();
  const { placeFor } = usePlacement();
  useEffect(() => {
    function onPaste(event: ClipboardEvent): void {
      if (isTyping(event.target)) return;
      const file = pastedImage(event.clipboardData);
      if (!file) return;
      event.preventDefault();
      const { doc, selection } = store.getState();
      loadImage(file, imageTargetFor(doc, selection.nodes, placeFor(null)));
    }
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [store, loadImage, placeFor]);
}
