import { useEffect, useRef } from 'react';
import { tensorToRgba } from './tensor-pixels.ts';

export interface TensorPreviewProps {
  /** `[H, W, C]`, row-major. */
  shape: readonly number[];
  data: readonly number[] | Float32Array;
  /** The value shown white. */
  max: number;
  label: string;
  className?: string;
}

/** A tensor as a picture, one canvas pixel per value, scaled up without smoothing by CSS. */
export function TensorPreview({ shape, data, max, label, className }: TensorPreviewProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [h = 1, w = 1, c = 1] = shape;
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    context.putImageData(new ImageData(tensorToRgba(data, h, w, c, max), w, h), 0, 0);
  }, [data, h, w, c, max]);
  return (
    <canvas
      ref={canvas}
      className={`cf-tensor-preview ${className ?? ''}`}
      width={w}
      height={h}
      role="img"
      aria-label={label}
      style={{ aspectRatio: `${w} / ${h}` }}
    />
  );
}
