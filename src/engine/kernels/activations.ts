import type { Activation } from '../../graph/types.ts';

/** Apply an activation in place; softmax runs along the last axis (length `lastDim`). */
export function activate(
  data: Float32Array,
  activation: Activation,
  lastDim: number,
): Float32Array {
  switch (activation) {
    case 'linear':
      return data;
    case 'relu':
      for (let i = 0; i < data.length; i++) if (data[i] < 0) data[i] = 0;
      return data;
    case 'sigmoid':
      for (let i = 0; i < data.length; i++) data[i] = 1 / (1 + Math.exp(-data[i]));
      return data;
    case 'tanh':
      for (let i = 0; i < data.length; i++) data[i] = Math.tanh(data[i]);
      return data;
    case 'softmax':
      return softmax(data, lastDim);
  }
}

function softmax(data: Float32Array, lastDim: number): Float32Array {
  for (let start = 0; start < data.length; start += lastDim) {
    let max = -Infinity;
    for (let i = start; i < start + lastDim; i++) if (data[i] > max) max = data[i];
    let sum = 0;
    for (let i = start; i < start + lastDim; i++) sum += Math.exp(data[i] - max);
    for (let i = start; i < start + lastDim; i++) data[i] = Math.exp(data[i] - max) / sum;
  }
  return data;
}
