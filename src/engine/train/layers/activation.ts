import type { Activation } from '../../../graph/types.ts';
import type { Floats } from '../floats.ts';

/** Apply `activation` in place to the first `count` values (softmax along rows of `lastDim`). */
export function activateForward(
  y: Floats,
  count: number,
  activation: Activation,
  lastDim: number,
): void {
  switch (activation) {
    case 'linear':
      return;
    case 'relu':
      for (let i = 0; i < count; i++) if (y[i]! < 0) y[i] = 0;
      return;
    case 'sigmoid':
      for (let i = 0; i < count; i++) y[i] = 1 / (1 + Math.exp(-y[i]!));
      return;
    case 'tanh':
      for (let i = 0; i < count; i++) y[i] = Math.tanh(y[i]!);
      return;
    case 'softmax':
      for (let start = 0; start < count; start += lastDim) softmaxRow(y, start, start + lastDim);
  }
}

function softmaxRow(y: Floats, start: number, end: number): void {
  let max = -Infinity;
  for (let i = start; i < end; i++) if (y[i]! > max) max = y[i]!;
  let sum = 0;
  for (let i = start; i < end; i++) sum += Math.exp(y[i]! - max);
  for (let i = start; i < end; i++) y[i] = Math.exp(y[i]! - max) / sum;
}

/**
 * Turn `dy`, the gradient at the activation's output `y`, into the gradient at its input,
 * in place (tfjs's gradients: relu `dy·step(x)`, sigmoid `dy·y·(1−y)`, tanh `dy·(1−y²)`,
 * softmax `y·(dy − Σ dy·y)` along the last axis).
 */
export function activateBackward(
  y: Floats,
  dy: Floats,
  count: number,
  activation: Activation,
  lastDim: number,
): void {
  switch (activation) {
    case 'linear':
      return;
    case 'relu':
      for (let i = 0; i < count; i++) if (!(y[i]! > 0)) dy[i] = 0;
      return;
    case 'sigmoid':
      for (let i = 0; i < count; i++) dy[i] = dy[i]! * y[i]! * (1 - y[i]!);
      return;
    case 'tanh':
      for (let i = 0; i < count; i++) dy[i] = dy[i]! * (1 - y[i]! * y[i]!);
      return;
    case 'softmax':
      for (let start = 0; start < count; start += lastDim) {
        let dot = 0;
        for (let i = start; i < start + lastDim; i++) dot += dy[i]! * y[i]!;
        for (let i = start; i < start + lastDim; i++) dy[i] = y[i]! * (dy[i]! - dot);
      }
  }
}
