export { EngineSession, type EvaluationReport } from './session.ts';
export { windowInfo, type WindowInfo, type Padding } from './shapes.ts';
export { type Tensor, sizeOf, formatShape, tensor } from './tensor.ts';
export { mulberry32 } from './prng.ts';
export { resolveWeight, convFans } from './weights.ts';
export { dropoutMask } from './kernels/dropout.ts';
