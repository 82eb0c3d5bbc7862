export { EngineSession, type EvaluationReport } from './session.ts';
export { type Tensor, tensor } from './tensor.ts';
export { dropoutMask } from './kernels/dropout.ts';
