import { useState, type DragEvent } from 'react';
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
