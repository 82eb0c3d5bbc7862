import type {
  Connection,
  EdgeChange,
  IsValidConnection,
  NodeChange,
  OnConnectEnd,
  OnDelete,
  OnNodeDrag,
} from '@xyflow/react';
import { useMemo } from 'react';
import type { GraphEdit } from '../graph/edits.ts';
import type { EditorStore } from '../state/editor-store.ts';
import { linkBetween, linkProblem, nodeIdAt } from './connection.ts';
import { edgeId, type FlowEdge, type FlowNode, type Size } from './flow-elements.ts';
import type { CanvasView } from './useCanvasView.ts';

/**
 * React Flow's callbacks, translated into store dispatches. The document changes only
 * through `dispatch`: a drag is one `moveNode` batch when it ends; deleting is one batch.
 */
export function useFlowHandlers(store: EditorStore, view: CanvasView) {
  const { setDragging, endDrag, setMeasured } = view;
  return useMemo(
    () => ({
      ...changeHandlers(store, setDragging, setMeasured),
      onNodeDragStop: dragStopHandler(store, endDrag),
      onDelete: deleteHandler(store),
      ...connectHandlers(store),
    }),
    [store, setDragging, endDrag, setMeasured],
  );
}

function changeHandlers(
  store: EditorStore,
  setDragging: CanvasView['setDragging'],
  setMeasured: CanvasView['setMeasured'],
) {
  return {
    onNodesChange(changes: NodeChange<FlowNode>[]): void {
      const sizes: [string, Size][] = [];
      for (const c of changes) {
        if (c.type === 'position' && c.dragging && c.position) setDragging(c.id, c.position);
        if (c.type === 'dimensions' && c.dimensions) sizes.push([c.id, c.dimensions]);
      }
      if (sizes.length > 0) setMeasured(sizes);
      selectFrom(store, changes, []);
    },
    onEdgesChange(changes: EdgeChange<FlowEdge>[]): void {
      selectFrom(store, [], changes);
    },
  };
}

/** One `moveNode` per node that actually moved, in one dispatch: one undo step per drag. */
function dragStopHandler(store: EditorStore, endDrag: CanvasView['endDrag']): OnNodeDrag<FlowNode> {
  return (_event, _node, nodes) => {
    const { doc } = store.getState();
    const edits: GraphEdit[] = [];
    for (const n of nodes) {
      const before = doc.nodes.find((d) => d.id === n.id)?.position;
      if (!before || (before.x === n.position.x && before.y === n.position.y)) continue;
      edits.push({ kind: 'moveNode', id: n.id, position: { x: n.position.x, y: n.position.y } });
    }
    if (edits.length > 0) store.dispatch(edits);
    endDrag(nodes.map((n) => n.id));
  };
}

function deleteHandler(store: EditorStore): OnDelete<FlowNode, FlowEdge> {
  return ({ nodes, edges }) => {
    const removed = new Set(nodes.map((n) => n.id));
    const edits: GraphEdit[] = [
      // Edges of removed nodes go with them.
      ...edges
        .filter((e) => !removed.has(e.source) && !removed.has(e.target))
        .map((e): GraphEdit => ({ kind: 'removeEdge', source: e.source, target: e.target })),
      ...nodes.map((n): GraphEdit => ({ kind: 'removeNode', id: n.id })),
    ];
    if (edits.length > 0) store.dispatch(edits);
  };
}

function connectHandlers(store: EditorStore) {
  const isValidConnection: IsValidConnection<FlowEdge> = (c) =>
    linkProblem(store.getState().doc, { source: c.source, target: c.target }) === null;

  const onConnect = (c: Connection): void => {
    store.dispatch([{ kind: 'addEdge', source: c.source, target: c.target }]);
  };

  const onConnectEnd: OnConnectEnd = (event, state) => {
    if (state.isValid) return; // onConnect made the edge
    const from = state.fromNode?.id;
    // Over a handle, or anywhere on a node's body.
    const to = state.toNode?.id ?? nodeIdAt(event);
    if (!from || !to) return;
    const link = linkBetween(from, to, state.fromHandle?.type);
    const problem = linkProblem(store.getState().doc, link);
    if (problem) store.pushNotice('error', problem);
    // Dropped on a node's body rather than its handle: connect all the same.
    else store.dispatch([{ kind: 'addEdge', ...link }]);
  };

  return { isValidConnection, onConnect, onConnectEnd };
}

/** Apply React Flow's select changes to the store's selection (unchanged if none). */
function selectFrom(
  store: EditorStore,
  nodeChanges: NodeChange<FlowNode>[],
  edgeChanges: EdgeChange<FlowEdge>[],
): void {
  const current = store.getState().selection;
  const nodes = new Set(current.nodes);
  const edges = new Map(current.edges.map((e) => [edgeId(e), e]));
  let changed = false;
  for (const c of nodeChanges) {
    if (c.type !== 'select' || nodes.has(c.id) === c.selected) continue;
    changed = true;
    if (c.selected) nodes.add(c.id);
    else nodes.delete(c.id);
  }
  const { doc } = store.getState();
  for (const c of edgeChanges) {
    if (c.type !== 'select' || edges.has(c.id) === c.selected) continue;
    changed = true;
    const edge = doc.edges.find((e) => edgeId(e) === c.id);
    if (c.selected && edge) edges.set(c.id, { source: edge.source, target: edge.target });
    else edges.delete(c.id);
  }
  if (changed) store.setSelection({ nodes: [...nodes], edges: [...edges.values()] });
}
