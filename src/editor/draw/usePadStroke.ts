import { useCallback, useEffect, useRef, type PointerEvent, type RefObject } from 'react';
import type { TensorValue } from '../../graph/types.ts';
import { paintSegment, type BrushOptions, type PadPoint } from '../image/brush.ts';
import { tensorToRgba } from '../image/tensor-pixels.ts';

interface Stroke {
  pointer: number;
  last: PadPoint;
  changed: boolean;
}

/** Where a pointer is over a canvas showing `w`×`h` values, in value (pixel) units. */
function padPoint(
  element: Element,
  at: { clientX: number; clientY: number },
  h: number,
  w: number,
) {
  const rect = element.getBoundingClientRect();
  return {
    x: ((at.clientX - rect.left) / rect.width) * w,
    y: ((at.clientY - rect.top) / rect.height) * h,
  };
}

function sameValues(a: Float32Array, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/**
 * A local copy of `tensor`'s values drawn on `canvas` (`ink` white). It follows the tensor
 * except while `holding()` (mid-stroke), so an engine round trip never undoes a stroke.
 */
function useCanvasBuffer(
  canvas: RefObject<HTMLCanvasElement | null>,
  tensor: TensorValue,
  ink: number,
  holding: () => boolean,
) {
  const [h, w, c] = tensor.shape as [number, number, number];
  const buffer = useRef(new Float32Array(0));
  /** The drawing function the canvas was last painted with (its size and ink). */
  const drawnWith = useRef<(() => void) | null>(null);
  const redraw = useCallback(() => {
    const context = canvas.current?.getContext('2d');
    const rgba = tensorToRgba(buffer.current, h, w, c, ink);
    context?.putImageData(new ImageData(rgba, w, h), 0, 0);
  }, [canvas, h, w, c, ink]);
  useEffect(() => {
    if (holding()) return;
    // After a stroke the tensor comes back with the values already drawn: nothing to redo.
    if (sameValues(buffer.current, tensor.data) && drawnWith.current === redraw) return;
    buffer.current = Float32Array.from(tensor.data);
    drawnWith.current = redraw;
    redraw();
  }, [tensor, redraw, holding]);
  return { buffer, redraw };
}

/**
 * Pointer drawing on a canvas showing `tensor` one pixel per value. A stroke paints into a
 * local copy and redraws at once; at pointer-up `onStroke` gets the new values (one edit
 * per stroke, however many pointer moves it had).
 */
export function usePadStroke(
  canvas: RefObject<HTMLCanvasElement | null>,
  tensor: TensorValue,
  brush: BrushOptions,
  onStroke: (data: Float32Array) => void,
) {
  const [h, w, c] = tensor.shape as [number, number, number];
  const stroke = useRef<Stroke | null>(null);
  const holding = useCallback(() => stroke.current !== null, []);
  const { buffer, redraw } = useCanvasBuffer(canvas, tensor, brush.ink, holding);
  const paint = (s: Stroke, to: PadPoint) => {
    s.changed = paintSegment(buffer.current, h, w, c, s.last, to, brush) || s.changed;
    s.last = to;
  };
  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0 || stroke.current) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const start = padPoint(event.currentTarget, event, h, w);
    stroke.current = { pointer: event.pointerId, last: start, changed: false };
    paint(stroke.current, start);
    redraw();
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const s = stroke.current;
    if (!s || s.pointer !== event.pointerId) return;
    // A fast pen reports several positions per frame: follow them all.
    const events = event.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const e of events.length > 0 ? events : [event.nativeEvent])
      paint(s, padPoint(event.currentTarget, e, h, w));
    redraw();
  };
  const onPointerUp = (event: PointerEvent<HTMLCanvasElement>) => {
    const s = stroke.current;
    if (!s || s.pointer !== event.pointerId) return;
    stroke.current = null;
    if (s.changed) onStroke(buffer.current);
  };
  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp };
}
