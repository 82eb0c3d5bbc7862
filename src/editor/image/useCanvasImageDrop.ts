import { useReactFlow } from '@xyflow/react';
import { useCallback, type DragEvent } from 'react';
import { useEditorStore } from '../../state/useEditorStore.ts';
import { imageTargetFor } from './image-target.ts';
import { useInputTools } from './input-tools-context.ts';
import { droppedImage } from './useImageDrop.ts';

/**
 * Take a picture dropped on the canvas background: into the selected or only Input, else a
 * new Input at the drop point. Returns whether the drop was a picture (or a non-graph file,
 * refused as one); graph documents are left to the page's graph-file drop.
 */
export function useCanvasImageDrop(): (event: DragEvent) => boolean {
  const tools = useInputTools();
  const store = useEditorStore();
  const { screenToFlowPosition } = useReactFlow();
  return useCallback(
    (event: DragEvent): boolean => {
      const file = tools ? droppedImage(event) : null;
      if (!file) return false;
      event.preventDefault();
      event.stopPropagation();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const snapped = { x: Math.round(at.x / 20) * 20, y: Math.round(at.y / 20) * 20 };
      const { doc, selection } = store.getState();
      tools!.loadImage(file, imageTargetFor(doc, selection.nodes, snapped));
      return true;
    },
    [tools, store, screenToFlowPosition],
  );
}
