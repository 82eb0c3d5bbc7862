import type { Edge, Node } from '@xyflow/react';
import type { NodeShape } from '../graph/shape-inference.ts';
import type { GraphEdge, GraphNode, Position } from '../graph/types.ts';
import type { Selection } from '../state/types.ts';
import { formatShape } from './format.ts';

export type FlowNode = Node<{ node: GraphNode }>;
export type FlowEdge = Edge;
export interface Size {
  width: number;
  height: number;
}

// Keyed by the (immutable) document node: an unchanged node keeps its flow object, so
// React Flow re-renders only what changed, even while another node is dragged.
const nodeCache = new WeakMap<GraphNode, FlowNode>();

/**
 * React Flow nodes derived from the document, the selection, positions of a drag in
 * progress and the sizes React Flow measured (which it needs back on every node).
 */
export function toFlowNodes(
  nodes: readonly GraphNode[],
  selected: readonly string[],
  dragging: ReadonlyMap<string, Position>,
  measured: ReadonlyMap<string, Size>,
): FlowNode[] {
  const isSelected = new Set(selected);
  return nodes.map((node) => {
    const position = dragging.get(node.id) ?? node.position;
    const size = measured.get(node.id);
    const previous = nodeCache.get(node);
    if (
      previous &&
      previous.position === position &&
      previous.selected === isSelected.has(node.id) &&
      previous.measured === size
    )
      return previous;
    const flowNode: FlowNode = {
      id: node.id,
      type: node.type,
      position,
      data: { node },
      selected: isSelected.has(node.id),
      ...(size ? { measured: size } : {}),
    };
    nodeCache.set(node, flowNode);
    return flowNode;
  });
}

export function edgeId(edge: { source: string; target: string }): string {
  return `${edge.source}->${edge.target}`;
}

/** Edges labelled with the shape that flows along them. */
export function toFlowEdges(
  edges: readonly GraphEdge[],
  selection: Selection,
  shapes: ReadonlyMap<string, NodeShape>,
): FlowEdge[] {
  const isSelected = new Set(selection.edges.map(edgeId));
  return edges.map((edge) => {
    const id = edgeId(edge);
    const shape = shapes.get(edge.source);
    return {
      id,
      source: edge.source,
      target: edge.target,
      selected: isSelected.has(id),
      label: shape?.ok ? formatShape(shape.shape) : undefined,
      className: shape?.ok ? 'cf-edge' : 'cf-edge cf-edge-error',
    };
  });
}
