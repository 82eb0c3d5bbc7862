import {
  Background,
  Controls,
  Handle,
  MiniMap,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStoreApi,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, type DragEvent } from 'react';
import { NODE_TYPES } from '../graph/schema.ts';
import type { NodeType } from '../graph/types.ts';
import { useEditorState } from '../state/useEditorState.ts';
import { useEditorStore } from '../state/useEditorStore.ts';
import { ConnectionHint } from './ConnectionHint.tsx';
import { FIT, MAX_ZOOM, MIN_ZOOM } from './canvas-view.ts';
import { usePublishFlowApi } from '../ui/flow-api.tsx';
import { useCanvasImageDrop } from './image/useCanvasImageDrop.ts';
import { toFlowEdges, toFlowNodes, type FlowNode } from './flow-elements.ts';
import { NodeHandleContext, type HandleSide } from './nodes/node-handles.ts';
import { NODE_COMPONENTS } from './nodes/node-types.ts';
import { NODE_DRAG_TYPE } from './Palette.tsx';
import { useAddNode } from './useAddNode.ts';
import { useCanvasView } from './useCanvasView.ts';
import { useFlowHandlers } from './useFlowHandlers.ts';

const SNAP: [number, number] = [20, 20];
const DELETE_KEYS = ['Delete', 'Backspace'];
const MINIMAP_SIZE = { width: 160, height: 110 };

/** React Flow's connection handle, on the side a node takes its input or gives its output. */
function FlowHandle({ type }: { type: HandleSide }) {
  return <Handle type={type} position={type === 'target' ? Position.Left : Position.Right} />;
}

/**
 * The graph on a pannable, zoomable canvas; nodes and edges derived from the document. Its
 * Input nodes take pictures (picker, drop, paste) and open the drawing pad. A chunk of its
 * own with React Flow, loaded once the first numbers are on screen (CanvasSlot.tsx).
 */
export function Canvas() {
  return (
    <ReactFlowProvider>
      <NodeHandleContext.Provider value={FlowHandle}>
        <GraphCanvas />
      </NodeHandleContext.Provider>
      <PublishFlowApi />
    </ReactFlowProvider>
  );
}

/** Lets code outside the canvas place nodes and move the view (flow-api.tsx). */
function PublishFlowApi() {
  const flow = useReactFlow();
  const store = useStoreApi();
  const publish = usePublishFlowApi();
  useEffect(() => {
    publish({ flow, store });
    return () => publish(null);
  }, [flow, store, publish]);
  return null;
}

function GraphCanvas() {
  const store = useEditorStore();
  const doc = useEditorState((s) => s.doc);
  const selection = useEditorState((s) => s.selection);
  const shapes = useEditorState((s) => s.shapes);
  const view = useCanvasView();
  const handlers = useFlowHandlers(store, view);
  const { dragging, measured } = view;
  const nodes = useMemo(
    () => toFlowNodes(doc.nodes, selection.nodes, dragging, measured),
    [doc.nodes, selection.nodes, dragging, measured],
  );
  const edges = useMemo(
    () => toFlowEdges(doc.edges, selection, shapes),
    [doc.edges, selection, shapes],
  );
  const drop = usePaletteDrop();
  useFitOnLoad();
  return (
    <div className="cf-canvas" onDragOver={drop.onDragOver} onDrop={drop.onDrop}>
      <ReactFlow<FlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_COMPONENTS}
        {...handlers}
        fitView
        fitViewOptions={FIT}
        snapToGrid
        snapGrid={SNAP}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        deleteKeyCode={DELETE_KEYS}
        elevateEdgesOnSelect
        aria-label="Graph canvas"
      >
        <Background gap={SNAP} />
        <MiniMap pannable zoomable ariaLabel="Mini map" style={MINIMAP_SIZE} />
        <Controls />
        <ConnectionHint />
      </ReactFlow>
    </div>
  );
}

/** A freshly loaded document is shown whole, once React Flow has measured its nodes. */
function useFitOnLoad() {
  const loads = useEditorState((s) => s.loads);
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (loads > 0) void fitView(FIT);
  }, [loads, fitView]);
}

/**
 * Accepts a palette item dropped on the canvas, adding the node at the drop point, and a
 * dropped picture (graph files are opened by the page's file drop).
 */
function usePaletteDrop() {
  const add = useAddNode();
  const dropImage = useCanvasImageDrop();
  const { screenToFlowPosition } = useReactFlow();
  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(NODE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      if (dropImage(event)) return;
      const type = event.dataTransfer.getData(NODE_DRAG_TYPE);
      if (!(NODE_TYPES as readonly string[]).includes(type)) return;
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      add(type as NodeType, { x: Math.round(at.x / 20) * 20, y: Math.round(at.y / 20) * 20 });
    },
    [add, dropImage, screenToFlowPosition],
  );
  return { onDragOver, onDrop };
}
