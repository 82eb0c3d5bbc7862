import { createContext, type ComponentType } from 'react';

/** Where a node takes its input (left) and gives its output (right). */
export type HandleSide = 'target' | 'source';

/**
 * The connection handles a node draws, supplied by the canvas (React Flow's `Handle`). The
 * page's first view of the graph (StaticCanvas.tsx) draws nodes before React Flow is loaded,
 * without handles.
 */
export const NodeHandleContext = createContext<ComponentType<{ type: HandleSide }>>(() => null);
