import { adoptTensorData } from '../../graph/tensor-data.ts';
import type { GraphDocument, GraphNode } from '../../graph/types.ts';
import type { Param } from './layers/layer.ts';

/**
 * `doc` with every trained kernel and bias as an explicit tensor holding `params`' values
 * (copied, so training may go on): what `cli train` prints and a finished run keeps.
 */
export function trainedDocument<D extends Pick<GraphDocument, 'nodes'>>(
  doc: D,
  params: readonly Param[],
): D {
  const byNode = new Map<string, Param[]>();
  for (const p of params) byNode.set(p.nodeId, [...(byNode.get(p.nodeId) ?? []), p]);
  const nodes = doc.nodes.map((node): GraphNode => {
    const trained = byNode.get(node.id);
    if (!trained || (node.type !== 'Conv2D' && node.type !== 'Dense')) return node;
    const tensors = Object.fromEntries(
      trained.map((p) => [
        p.name,
        { shape: [...p.shape], data: adoptTensorData(Float32Array.from(p.value)) },
      ]),
    );
    return { ...node, params: { ...node.params, ...tensors } } as GraphNode;
  });
  return { ...doc, nodes };
}
