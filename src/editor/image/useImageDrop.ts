import { useReactFlow } from '@xyflow/react';
import { useCallback, useState, type DragEvent } from 'react';
import { useEditorStore } from '../../state/useEditorStore.ts';
import { imageTargetFor } from './image-target.ts';
import { useInputTools } from './input-tools-context.ts';

/** Whether a drag carries files (their names are hidden until the drop). */
export function dragHasFiles(event: DragEvent): boolean {
  return event.dataTransfer.types.includes('Files');
}

/** A graph document, handled by the canvas's graph-file drop, not as a picture. */
export function isGraphFile(file: { name: string; type: string }): boolean {
  return file.type === 'application/json' || /\.json$/i.test(file.name);
}

/** The first dropped file that is not a graph document: a picture, or to be refused as one. */
export function droppedImage(event: DragEvent): File | null {
  for (const file of event.dataTransfer.files) if (!isGraphFile(file)) return file;
  return null;
}

/**
 * Props for an element (an Input node's card) that takes a dropped picture into node `id`,
 * and whether a file is being dragged over it. A dropped graph document falls through to
 * the canvas.
 */
export function useNodeImageDrop(id: string) {
  const tools = useInputTools();
  const [over, setOver] = useState(false);
  const onDragOver = (event: DragEvent) => {
    if (!tools || !dragHasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDragLeave = (event: DragEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
  };
  const onDrop = (event: DragEvent) => {
    setOver(false);
    const file = tools ? droppedImage(event) : null;
    if (!file) return;
    event.preventDefault();
    event.stopPropagation();
    tools!.loadImage(file, { node: id });
  };
  return { over, props: { onDragOver, onDragLeave, onDrop } };
}

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
