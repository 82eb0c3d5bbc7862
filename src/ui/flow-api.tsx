import type { ReactFlowInstance, useStoreApi } from '@xyflow/react';
import { createContext, useContext, useState, type ReactNode } from 'react';

/**
 * The canvas's React Flow, for code outside it (placing a new node, keeping a node in view,
 * fitting a lesson's step). The canvas is a chunk of its own, loaded once the first numbers
 * are on screen (editor/CanvasSlot.tsx); until then, and in the page's first frames, this is null
 * and callers do without: a node placed by the document alone, no panning.
 */
export interface FlowApi {
  flow: ReactFlowInstance;
  store: ReturnType<typeof useStoreApi>;
}

interface FlowApiSlot {
  api: FlowApi | null;
  publish(api: FlowApi | null): void;
}

const FlowApiContext = createContext<FlowApiSlot>({ api: null, publish: () => undefined });

export function FlowApiProvider({ children }: { children: ReactNode }) {
  const [api, publish] = useState<FlowApi | null>(null);
  return <FlowApiContext.Provider value={{ api, publish }}>{children}</FlowApiContext.Provider>;
}

/** The canvas's React Flow, or null while the canvas is not loaded. */
export function useFlowApi(): FlowApi | null {
  return useContext(FlowApiContext).api;
}

/** For the canvas: make its React Flow known to the page. */
export function usePublishFlowApi(): (api: FlowApi | null) => void {
  return useContext(FlowApiContext).publish;
}
