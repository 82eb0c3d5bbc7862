export * from './types.ts';
export * from './limits.ts';
export { parseGraph, parseGraphText, parseNode, formatPath, MAX_DOCUMENT_CHARS } from './parse.ts';
export type { ParseResult } from './parse.ts';
export { NODE_TYPES, paramsSchemas } from './schema.ts';
export { topologicalOrder, descendantsOf, ancestorsOf, childrenOf } from './topo.ts';
