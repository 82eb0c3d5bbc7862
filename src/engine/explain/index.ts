export { explainConv2DCell, windowCells, windowWalk } from './conv2d.ts';
export type { ConvCellExplanation, ChannelTerms, WindowCell } from './conv2d.ts';
export { explainMaxPoolCell, type PoolCellExplanation } from './max-pool.ts';
export { explainDenseUnit, type DenseUnitExplanation, type DenseTerm } from './dense.ts';
export { explainDropout, flattenSource, type DropoutExplanation } from './flatten-dropout.ts';
export { traceUpstream, type Influence } from './trace.ts';
