import { useEffect, useState } from 'react';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** Files that may be graphs: not only pictures (those go to the canvas's image drop). */
function mayBeGraph(event: DragEvent): boolean {
  const items = [...(event.dataTransfer?.items ?? [])].filter((i) => i.kind === 'file');
  return items.length === 0 || items.some((i) => !i.type.startsWith('image/'));
}

/**
 * A file dropped anywhere on the page, the canvas included, opens as a graph, unless the
 * canvas or an Input node took it as a picture. Palette drags carry no files and pass
 * untouched; a file is never opened by the browser in place of the app. Returns whether
 * files are being dragged over the page.
 */
export function useFileDrop(open: (file: File) => void): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth++;
      setOver(mayBeGraph(e));
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const dragOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      depth = 0;
      setOver(false);
      const file = e.dataTransfer?.files[0];
      // A picture dropped on the canvas or an Input node was taken there already.
      if (e.defaultPrevented || !carriesFiles(e) || !file) return;
      e.preventDefault();
      open(file);
    };
    const events = { dragenter: enter, dragleave: leave, dragover: dragOver, drop } as const;
    for (const [name, handler] of Object.entries(events))
      window.addEventListener(name, handler as EventListener);
    return () => {
      for (const [name, handler] of Object.entries(events))
        window.removeEventListener(name, handler as EventListener);
    };
  }, [open]);
  return over;
}
