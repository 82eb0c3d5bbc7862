/**
 * Hard limits on a graph, checked before anything is allocated. Documented in
 * docs/graph-format.md; a document or node over any of them gets a clear error.
 */
export const LIMITS = {
  /** Elements in any one tensor: an input, a weight or a node's output (2^24). */
  maxTensorElements: 16_777_216,
  maxNodes: 500,
  maxEdges: 1_000,
  /** Largest kernel or pool dimension. */
  maxWindow: 64,
  maxStride: 64,
  /** Largest spatial dimension (H or W) of an input tensor. */
  maxSpatial: 4_096,
  maxChannels: 4_096,
  maxFilters: 1_024,
  maxUnits: 65_536,
  /** Multiply-accumulates one node may cost; keeps a single edit from hanging the engine. */
  maxNodeWork: 8_589_934_592,
  maxIdLength: 64,
  maxSeed: 4_294_967_295,
  /** Output cells one exercise may hide (list form; `'all'` hides any number). */
  maxExerciseCells: 4_096,
  /** A training section's batch size and epochs. */
  maxBatchSize: 1_024,
  maxEpochs: 1_000,
  /** Training samples the `mnist` data set has (its `limit`). */
  mnistTrainSamples: 8_000,
} as const;
