import type { GraphEdit } from '../../graph/edits.ts';
import type { GraphDocument, Position, TensorValue } from '../../graph/types.ts';
import { newNode, nextNodeId } from '../new-node.ts';

/** Where an image goes: into an existing Input node, or a new one at a point of the canvas. */
export type ImageTarget = { node: string } | { at: Position };

/**
 * Where an image dropped on the canvas or pasted should go: the selected Input node, else
 * the only Input of the graph, else a new Input at `at`. Dropping onto a node's card picks
 * that node instead and does not ask this.
 */
export function imageTargetFor(
  doc: GraphDocument,
  selected: readonly string[],
  at: Position,
): ImageTarget {
  const inputs = doc.nodes.filter((n) => n.type === 'Input');
  const chosen = inputs.filter((n) => selected.includes(n.id));
  if (chosen.length === 1) return { node: chosen[0]!.id };
  if (inputs.length === 1) return { node: inputs[0]!.id };
  return { at };
}

/** The one dispatch that puts `tensor` where `target` says. */
export function imageEdits(
  doc: GraphDocument,
  target: ImageTarget,
  tensor: TensorValue,
): GraphEdit[] {
  if ('node' in target) return [{ kind: 'setParams', id: target.node, params: { tensor } }];
  const id = nextNodeId(doc, 'Input');
  const node = { ...newNode('Input', id, target.at), params: { tensor } };
  return [{ kind: 'addNode', node }];
}
