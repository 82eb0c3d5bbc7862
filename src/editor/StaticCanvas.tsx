import { useLayoutEffect, useRef, useState, type ComponentType } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useEditorState } from '../state/useEditorState.ts';
import { useEditorStore } from '../state/useEditorStore.ts';
import { bezierEdge, boundsOf, fitBounds, type View } from './canvas-view.ts';
import { toFlowEdges, type FlowNode, type Size } from './flow-elements.ts';
import { NODE_COMPONENTS } from './nodes/node-types.ts';

/**
 * The graph's nodes, their fields and heatmaps, where the canvas will show them, before the
 * canvas (React Flow, a chunk of its own) is loaded: the first numbers need no pan and zoom.
 * Fields already edit the graph; moving, connecting and zooming come with the canvas, which
 * replaces this view in the same place (`fitBounds` computes React Flow's first fit).
 */
export function StaticCanvas({ onWake }: { onWake(): void }) {
  const store = useEditorStore();
  const nodes = useEditorState((s) => s.doc.nodes);
  const edges = useEditorState((s) => s.doc.edges);
  const selection = useEditorState((s) => s.selection);
  const shapes = useEditorState((s) => s.shapes);
  const selected = selection.nodes;
  const pane = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View | null>(null);
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(new Map());
  useLayoutEffect(() => {
    const root = pane.current;
    if (!root) return;
    const fit = () => {
      const boxes = root.querySelectorAll<HTMLElement>('.cf-static-node');
      const sized = nodes.map((node, i) => {
        const box = boxes[i];
        return {
          position: node.position,
          width: box?.offsetWidth ?? 0,
          height: box?.offsetHeight ?? 0,
        };
      });
      setSizes(new Map(nodes.map((n, i) => [n.id, sized[i]!])));
      const next = fitBounds(boundsOf(sized), root.clientWidth, root.clientHeight);
      setView((old) =>
        old && old.x === next.x && old.y === next.y && old.zoom === next.zoom ? old : next,
      );
    };
    fit();
    // A node grows when its numbers arrive: fit again, as React Flow's first fit will.
    const observer = new ResizeObserver(fit);
    observer.observe(root);
    for (const child of root.querySelectorAll('.cf-static-node')) observer.observe(child);
    return () => observer.disconnect();
  }, [nodes]);
  return (
    <div className="cf-canvas cf-static-canvas" ref={pane} onPointerDown={onWake} onFocus={onWake}>
      <div
        className="cf-static-viewport"
        style={
          view
            ? { transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})` }
            : { visibility: 'hidden' }
        }
      >
        <StaticEdges edges={toFlowEdges(edges, selection, shapes)} nodes={nodes} sizes={sizes} />
        {nodes.map((node) => {
          const Node = NODE_COMPONENTS[node.type] as ComponentType<NodeProps<FlowNode>>;
          const props = { id: node.id, data: { node }, selected: selected.includes(node.id) };
          return (
            <div
              key={node.id}
              className="cf-static-node"
              // Chosen now, the node is still selected when the canvas takes over.
              onPointerDown={() => store.setSelection({ nodes: [node.id], edges: [] })}
              style={{ transform: `translate(${node.position.x}px, ${node.position.y}px)` }}
            >
              <Node {...(props as NodeProps<FlowNode>)} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** The edges under the nodes, as React Flow's default edges with their shape labels. */
function StaticEdges({
  edges,
  nodes,
  sizes,
}: {
  edges: ReturnType<typeof toFlowEdges>;
  nodes: readonly { id: string; position: { x: number; y: number } }[];
  sizes: ReadonlyMap<string, Size>;
}) {
  const at = new Map(nodes.map((n) => [n.id, n.position]));
  return (
    <svg className="cf-static-edges" width="1" height="1" aria-hidden="true">
      {edges.map((edge) => {
        const from = at.get(edge.source);
        const to = at.get(edge.target);
        const fromSize = sizes.get(edge.source);
        const toSize = sizes.get(edge.target);
        if (!from || !to || !fromSize || !toSize) return null;
        const { path, labelX, labelY } = bezierEdge(
          { x: from.x + fromSize.width, y: from.y + fromSize.height / 2 },
          { x: to.x, y: to.y + toSize.height / 2 },
        );
        const label = typeof edge.label === 'string' ? edge.label : null;
        const width = label ? label.length * 7 + 8 : 0;
        return (
          <g key={edge.id} className={`react-flow__edge ${edge.className ?? ''}`}>
            <path className="react-flow__edge-path" d={path} fill="none" />
            {label && (
              <g transform={`translate(${labelX}, ${labelY})`}>
                <rect x={-width / 2} y={-9} width={width} height={18} rx={2} fill="#fff" />
                <text
                  className="react-flow__edge-text"
                  textAnchor="middle"
                  dominantBaseline="central"
                >
                  {label}
                </text>
              </g>
            )}
          </g>
        );
      })}
    </svg>
  );
}
