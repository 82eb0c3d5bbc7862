import type { Activation } from '../../graph/types.ts';
import type { KernelRuntime } from './runtime.ts';

/** Apply an activation to `n` floats at byte address `at` in kernel memory. */
export function activateInMemory(
  rt: KernelRuntime,
  at: number,
  n: number,
  activation: Activation,
  lastDim: number,
): void {
  switch (activation) {
    case 'linear':
      return;
    case 'relu':
      return rt.exports.relu(at, n);
    case 'sigmoid':
      return rt.exports.sigmoid(at, n);
    case 'tanh':
      return rt.exports.tanh(at, n);
    case 'softmax':
      return rt.exports.softmax(at, n, lastDim);
  }
}
