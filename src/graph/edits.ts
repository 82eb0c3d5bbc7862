import { describeIssues, parseGraph, parseNode, type ParseResult } from './parse.ts';
import { withNodeCells } from './cell-edits.ts';
import { withParams } from './param-edits.ts';
import { structureSchema } from './schema.ts';
import { trainingSchema } from './training-schema.ts';
import { descendantsOf } from './topo.ts';
import type { GraphDocument, GraphNode, Position } from './types.ts';

/**
 * One change to a graph, as the editor sends it: small, so a keystroke never ships the
 * whole document. `setParams` merges its fields into the node's params.
 */
export type GraphEdit =
  | { kind: 'load'; graph: unknown }
  | { kind: 'addNode'; node: unknown }
  | { kind: 'removeNode'; id: string }
  | { kind: 'setParams'; id: string; params: Record<string, unknown> }
  /**
   * Change some cells of a node's explicit tensor (an Input's `tensor`, a Conv2D's or Dense's
   * `kernel` or `bias`): flat indices and their new values. Only these values are checked.
   */
  | { kind: 'setCells'; id: string; param: TensorParam; cells: readonly CellChange[] }
  | { kind: 'moveNode'; id: string; position: Position }
  /** Set (or with null, remove) a Conv2D or MaxPool node's exercise; nothing is recomputed. */
  | { kind: 'setExercise'; id: string; exercise: unknown }
  | { kind: 'addEdge'; source: string; target: string }
  | { kind: 'removeEdge'; source: string; target: string }
  /**
   * Merge fields into the training section (an `optimizer` replaces the whole optimizer);
   * the section is checked again. Nothing is recomputed.
   */
  | { kind: 'setTraining'; fields: Record<string, unknown> };

/** One cell to change: a flat index into a tensor's data and its new value. */
export interface CellChange {
  index: number;
  value: number;
}

/** The params that may hold an explicit tensor. */
export type TensorParam = 'tensor' | 'kernel' | 'bias';

export interface EditOutcome {
  doc: GraphDocument;
  /** Nodes whose own output may change; they and their descendants must be recomputed. */
  touched: Set<string>;
  /** Nodes that no longer exist. */
  removed: Set<string>;
  /**
   * Whether the nodes (ids, types) or edges changed: the topological order and the graph
   * rules may differ. False for parameter, cell, exercise and position edits.
   */
  structural: boolean;
}

/** Edits that add, remove or rewire nodes; every other kind keeps the graph's structure. */
const STRUCTURAL = new Set<GraphEdit['kind']>(['addNode', 'removeNode', 'addEdge', 'removeEdge']);

/**
 * Apply edits in order, all or nothing: the first invalid edit returns its error and the
 * document stays as it was.
 * @example applyEdits(doc, [{ kind: 'setParams', id: 'c1', params: { padding: 'same' } }])
 */
export function applyEdits(
  doc: GraphDocument,
  edits: readonly GraphEdit[],
): ParseResult<EditOutcome> {
  let current = doc;
  const touched = new Set<string>();
  const removed = new Set<string>();
  for (const edit of edits) {
    const next = applyOne(current, edit, touched, removed);
    if (!next.ok) return next;
    current = next.value;
  }
  const structural = edits.some((e) => e.kind === 'load' || STRUCTURAL.has(e.kind));
  // A load checked its whole graph already; other edits leave the graph rules as they were.
  if (edits.some((e) => STRUCTURAL.has(e.kind))) {
    const structure = structureSchema.safeParse(current);
    if (!structure.success) return { ok: false, error: describeIssues(structure.error.issues) };
  }
  for (const id of removed) if (current.nodes.some((n) => n.id === id)) removed.delete(id);
  return { ok: true, value: { doc: current, touched, removed, structural } };
}

/** Why connecting `source` to `target` would be refused, or null if it is fine. */
export function connectionProblem(
  doc: GraphDocument,
  source: string,
  target: string,
): string | null {
  if (source === target) return 'a node cannot feed itself';
  // A cycle is the more fundamental refusal: name it even when the target also has an input.
  if (descendantsOf([target], doc.edges).has(source)) {
    return `connecting "${source}" to "${target}" would make a cycle`;
  }
  const result = applyEdits(doc, [{ kind: 'addEdge', source, target }]);
  if (result.ok) return null;
  return result.error.replace(/^edges\[\d+\]\.\w+: /, '');
}

function applyOne(
  doc: GraphDocument,
  edit: GraphEdit,
  touched: Set<string>,
  removed: Set<string>,
): ParseResult<GraphDocument> {
  switch (edit.kind) {
    case 'load': {
      const parsed = parseGraph(edit.graph);
      if (!parsed.ok) return parsed;
      for (const n of doc.nodes) removed.add(n.id);
      for (const n of parsed.value.nodes) touched.add(n.id);
      return parsed;
    }
    case 'addNode': {
      const node = parseNode(edit.node);
      if (!node.ok) return { ok: false, error: `new node: ${node.error}` };
      if (doc.nodes.some((n) => n.id === node.value.id))
        return { ok: false, error: `a node with id "${node.value.id}" already exists` };
      touched.add(node.value.id);
      return { ok: true, value: { ...doc, nodes: [...doc.nodes, node.value] } };
    }
    case 'removeNode': {
      if (!find(doc, edit.id)) return missing(edit.id);
      for (const e of doc.edges) if (e.source === edit.id) touched.add(e.target);
      touched.delete(edit.id);
      removed.add(edit.id);
      return {
        ok: true,
        value: {
          ...doc,
          nodes: doc.nodes.filter((n) => n.id !== edit.id),
          edges: doc.edges.filter((e) => e.source !== edit.id && e.target !== edit.id),
        },
      };
    }
    case 'setParams': {
      const old = find(doc, edit.id);
      if (!old) return missing(edit.id);
      const node = withParams(old, edit.params);
      if (!node.ok) return { ok: false, error: `node "${edit.id}": ${node.error}` };
      touched.add(edit.id);
      return { ok: true, value: replaceNode(doc, node.value) };
    }
    case 'setCells': {
      const old = find(doc, edit.id);
      if (!old) return missing(edit.id);
      const node = withNodeCells(old, edit.param, edit.cells);
      if (!node.ok) return { ok: false, error: `node "${edit.id}": ${node.error}` };
      if (node.value === old) return { ok: true, value: doc };
      touched.add(edit.id);
      return { ok: true, value: replaceNode(doc, node.value) };
    }
    case 'moveNode': {
      const old = find(doc, edit.id);
      if (!old) return missing(edit.id);
      if (!Number.isFinite(edit.position.x) || !Number.isFinite(edit.position.y))
        return { ok: false, error: 'position: expected finite numbers' };
      return {
        ok: true,
        value: replaceNode(doc, { ...old, position: { x: edit.position.x, y: edit.position.y } }),
      };
    }
    case 'setExercise':
      return setExercise(doc, edit.id, edit.exercise);
    case 'setTraining':
      return setTraining(doc, edit.fields);
    case 'addEdge':
      touched.add(edit.target);
      return {
        ok: true,
        value: { ...doc, edges: [...doc.edges, { source: edit.source, target: edit.target }] },
      };
    case 'removeEdge': {
      const edges = doc.edges.filter(
        (e) => !(e.source === edit.source && e.target === edit.target),
      );
      if (edges.length === doc.edges.length)
        return { ok: false, error: `no edge from "${edit.source}" to "${edit.target}"` };
      touched.add(edit.target);
      return { ok: true, value: { ...doc, edges } };
    }
  }
}

function setTraining(
  doc: GraphDocument,
  fields: Record<string, unknown>,
): ParseResult<GraphDocument> {
  if (!doc.training) return { ok: false, error: 'the graph has no training section' };
  const parsed = trainingSchema.safeParse({ ...doc.training, ...fields });
  if (!parsed.success)
    return { ok: false, error: `training.${describeIssues(parsed.error.issues)}` };
  return { ok: true, value: { ...doc, training: parsed.data } };
}

function setExercise(
  doc: GraphDocument,
  id: string,
  exercise: unknown,
): ParseResult<GraphDocument> {
  const old = find(doc, id);
  if (!old) return missing(id);
  const { exercise: _previous, ...rest } = old as GraphNode & { exercise?: unknown };
  const node = parseNode(exercise === null ? rest : { ...rest, exercise });
  if (!node.ok) return { ok: false, error: `node "${id}": ${node.error}` };
  return { ok: true, value: replaceNode(doc, node.value) };
}

function find(doc: GraphDocument, id: string): GraphNode | undefined {
  return doc.nodes.find((n) => n.id === id);
}

function missing(id: string): ParseResult<never> {
  return { ok: false, error: `no node with id "${id}"` };
}

function replaceNode(doc: GraphDocument, node: GraphNode): GraphDocument {
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === node.id ? node : n)) };
}
