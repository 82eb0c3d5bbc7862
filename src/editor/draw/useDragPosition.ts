import { useRef, useState, type PointerEvent } from 'react';

export interface PanelPosition {
  left: number;
  top: number;
}

/**
 * A floating panel moved by dragging its handle (a header). Starts at `initial`; stays at
 * least partly on screen. Returns the position and the handle's pointer props.
 */
export function useDragPosition(initial: () => PanelPosition) {
  const [position, setPosition] = useState(initial);
  const grab = useRef<{ pointer: number; dx: number; dy: number } | null>(null);
  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    // Buttons in the handle (close) keep working.
    if (event.button !== 0 || (event.target as Element).closest('button')) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    grab.current = {
      pointer: event.pointerId,
      dx: event.clientX - position.left,
      dy: event.clientY - position.top,
    };
  };
  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    const g = grab.current;
    if (!g || g.pointer !== event.pointerId) return;
    setPosition({
      left: Math.min(Math.max(0, event.clientX - g.dx), window.innerWidth - 80),
      top: Math.min(Math.max(0, event.clientY - g.dy), window.innerHeight - 40),
    });
  };
  const onPointerUp = () => {
    grab.current = null;
  };
  return {
    position,
    handle: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp },
  };
}
