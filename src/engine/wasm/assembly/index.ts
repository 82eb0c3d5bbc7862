// The module's exports. Memory is laid out and grown by the host (src/engine/wasm/): these
// functions only read and write the addresses they are given.
export { conv } from './conv';
export { gemv } from './gemv';
export { maxPool } from './pool';
export { relu, sigmoid, tanh, softmax } from './activations';
export { gemmTN, im2col, col2im, maxPoolArg, reluBackward, columnSums, scatterAdd } from './train';
