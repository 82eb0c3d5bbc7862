export { explainWeightGradient, unravel } from './weight-gradient.ts';
export type { GradientTerm, SampleGradient, WeightGradientExplanation } from './weight-gradient.ts';
export { explainUpdate, type UpdateExplanation } from './update.ts';
export { explainOutputGradient, valueOf } from './output-gradient.ts';
export type { GradientSource, OutputGradientExplanation, UpstreamTerm } from './output-gradient.ts';
export { preActivationGradient } from './layer-input.ts';
