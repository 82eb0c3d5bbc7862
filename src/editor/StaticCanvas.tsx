import { useLayoutEffect, useRef, useState, type ComponentType } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useEditorState } from '../state/useEditorState.ts';
import { useEditorStore } from '../state/useEditorStore.ts';
import { boundsOf, fitBounds, type View } from './canvas-view.ts';
import type { FlowNode } from './flow-elements.ts';
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
  const selected = useEditorState((s) => s.selection.nodes);
  const pane = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View | null>(null);
  useLayoutEffect(() => {
    const root = pane.current;
    if (!root) return;
    const fit = () => {
      const sized = nodes.map((node, i) => {
        const box = root.children[0]?.children[i] as HTMLElement | undefined;
        return {
          position: node.position,
          width: box?.offsetWidth ?? 0,
          height: box?.offsetHeight ?? 0,
        };
      });
      const next = fitBounds(boundsOf(sized), root.clientWidth, root.clientHeight);
      setView((old) =>
        old && old.x === next.x && old.y === next.y && old.zoom === next.zoom ? old : next,
      );
    };
    fit();
    // A node grows when its numbers arrive: fit again, as React Flow's first fit will.
    const observer = new ResizeObserver(fit);
    observer.observe(root);
    for (const child of root.children[0]?.children ?? []) observer.observe(child);
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
