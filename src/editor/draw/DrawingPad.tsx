import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { tensorEdit } from '../../graph/cell-edits.ts';
import type { NodeOf, TensorValue } from '../../graph/types.ts';
import { useT } from '../../i18n/useT.ts';
import { useEditorState } from '../../state/useEditorState.ts';
import { useEditorStore } from '../../state/useEditorStore.ts';
import { inkFor } from '../image/brush.ts';
import { centerLikeMnist } from '../image/mnist-style.ts';
import { PadToolbar, type PadTool } from './PadToolbar.tsx';
import { useDragPosition } from './useDragPosition.ts';
import { usePadStroke } from './usePadStroke.ts';
import './drawing-pad.css';

export interface DrawingPadProps {
  /** The Input node drawn on. */
  id: string;
  onClose(): void;
}

/** A brush a tenth of the shorter side wide: MNIST's strokes on 28×28 are 2–3 pixels. */
export function defaultBrushSize(h: number, w: number): number {
  return Math.max(1, Math.round(Math.min(h, w) / 10));
}

const PAD_WIDTH = 312;
const round = (v: number) => Math.round(v * 1e4) / 1e4;

/**
 * `data` with the values a stroke changed from `before` rounded to 4 decimals, in place: the
 * rest are `before`'s own, and a 224×224×3 picture need not be rounded whole for one dot.
 */
function roundChanged(data: Float32Array, before: Float32Array): Float32Array {
  for (let i = 0; i < data.length; i++) if (data[i] !== before[i]) data[i] = round(data[i]!);
  return data;
}

/** The pad's on-screen size: as large as fits 284×400 px, keeping the tensor's aspect. */
function displaySize(h: number, w: number) {
  const scale = Math.min(284 / w, 400 / h);
  return { width: `${Math.round(w * scale)}px`, height: `${Math.round(h * scale)}px` };
}

/**
 * A floating pad for drawing an Input node's tensor with a mouse or pen, at the tensor's
 * own resolution; each stroke is one `setParams`, so the graph recomputes after it.
 */
export function DrawingPad({ id, onClose }: DrawingPadProps) {
  const t = useT();
  const node = useEditorState(
    useCallback((s) => s.doc.nodes.find((n) => n.id === id && n.type === 'Input'), [id]),
  );
  const drag = useDragPosition(() => ({ left: window.innerWidth - PAD_WIDTH - 16, top: 64 }));
  if (!node) return null;
  const { tensor } = (node as NodeOf<'Input'>).params;
  return (
    <aside
      className="cf-pad"
      role="dialog"
      aria-label={t('draw.title', { id })}
      style={{ ...drag.position, width: PAD_WIDTH }}
    >
      <header className="cf-dialog-head cf-pad-head" {...drag.handle}>
        <h2>{t('draw.title', { id })}</h2>
        <button
          type="button"
          className="cf-notice-close"
          aria-label={t('draw.close')}
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {/* A new size starts with the brush suited to it. */}
      <Pad key={tensor.shape.join('x')} id={id} tensor={tensor} />
    </aside>
  );
}

/**
 * Whether drawings on this Input are prepared as MNIST's digits were: the Input is what a
 * network trained on MNIST reads, and it is 28×28×1.
 */
function useMnistStyle(id: string, shape: readonly number[]): boolean {
  const training = useEditorState((s) => s.doc.training);
  return (
    training?.input === id &&
    'dataset' in training.data &&
    shape.length === 3 &&
    shape[0] === 28 &&
    shape[1] === 28 &&
    shape[2] === 1
  );
}

function Pad({ id, tensor }: { id: string; tensor: TensorValue }) {
  const t = useT();
  const store = useEditorStore();
  const mnistStyle = useMnistStyle(id, tensor.shape);
  // MNIST-style, the pad keeps the strokes as drawn; the Input gets them scaled and centred.
  const [raw, setRaw] = useState<TensorValue>(tensor);
  // Set while our own edit comes back as the Input's new tensor: any other change (a
  // cleared pad, Undo, a sample) replaces the strokes.
  const echo = useRef(false);
  useEffect(() => {
    if (echo.current) echo.current = false;
    else setRaw(tensor);
  }, [tensor]);
  const [h, w] = tensor.shape as [number, number, number];
  const [tool, setTool] = useState<PadTool>('pen');
  const [size, setSize] = useState(() => defaultBrushSize(h, w));
  const canvas = useRef<HTMLCanvasElement>(null);
  const setTensor = useCallback(
    (next: TensorValue) =>
      store.dispatch([{ kind: 'setParams', id, params: { tensor: next } }], {
        separateStep: true,
      }),
    [store, id],
  );
  const drawn = mnistStyle ? raw : tensor;
  // Looked up once per picture, not at every render (a stroke renders the pad twice).
  const ink = useMemo(() => inkFor(drawn.data), [drawn.data]);
  const brush = { size, ink, erase: tool === 'eraser' };
  // A stroke sends the cells it changed, not the picture: see tensorEdit.
  const handlers = usePadStroke(canvas, drawn, brush, (data) => {
    // Rounded in the pad's own buffer (so its picture is what the graph gets), then copied:
    // the document must never share an array the pad paints into.
    const strokes = roundChanged(data, drawn.data).slice();
    if (mnistStyle) setRaw({ shape: tensor.shape, data: strokes });
    const next = mnistStyle ? centerLikeMnist(strokes) : strokes;
    const edit = tensorEdit(id, 'tensor', tensor, next);
    if (!edit) return;
    echo.current = true;
    if (!store.dispatch([edit], { separateStep: true }).ok) echo.current = false;
  });
  const blank = (shape: number[]) =>
    setTensor({ shape, data: new Float32Array(shape.reduce((a, b) => a * b, 1)) });
  return (
    <>
      <PadToolbar
        tool={tool}
        onTool={setTool}
        brushSize={size}
        onBrushSize={setSize}
        shape={tensor.shape}
        onClear={() => blank([...tensor.shape])}
        onResize={(side) => blank([side, side, tensor.shape[2]!])}
      />
      <canvas
        ref={canvas}
        className="cf-pad-canvas"
        width={w}
        height={h}
        aria-label={t('draw.canvas', { id, h, w })}
        style={displaySize(h, w)}
        {...handlers}
      />
      <p className="cf-pad-hint">{t(mnistStyle ? 'draw.mnistHint' : 'draw.hint')}</p>
    </>
  );
}
