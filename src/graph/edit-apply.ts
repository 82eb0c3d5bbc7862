import { withNodeCells } from './cell-edits.ts';
import type { ParseResult } from './parse.ts';
import { checkGraphStructure } from './structure.ts';
import type { GraphDocument, GraphNode, Position, TrainingSpec } from './types.ts';

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

/**
 * How edits are checked. The page checks every edit where it enters (edits.ts: the graph
 * schema, zod); the engine worker applies what the page already checked, as `TRUSTED_EDITS`,
 * so the engine's bundle carries no schema and an edit is validated once.
 */
export interface EditChecks {
  /** A whole document, defaults filled and tensors typed. */
  graph(value: unknown): ParseResult<GraphDocument>;
  /** A node, as an edit brings it. */
  node(value: unknown): ParseResult<GraphNode>;
  /** `node` with `patch` merged into its params. */
  params(node: GraphNode, patch: Record<string, unknown>): ParseResult<GraphNode>;
  /** The training section after merging fields into it. */
  training(section: Record<string, unknown>): ParseResult<TrainingSpec>;
  /** The graph-wide rules (ids, edges, cycles), after a structural edit; null when they hold. */
  structure(doc: GraphDocument): string | null;
}

/**
 * Edits checked before they arrive: `EditOutcome.applied` of a checked `applyEdits`. Only
 * what is cheap and keeps the engine in step is looked at (a node id that must exist, a cell
 * index, the graph-wide rules after a structural edit), never a tensor's values.
 */
export const TRUSTED_EDITS: EditChecks = {
  graph: (value) => ({ ok: true, value: value as GraphDocument }),
  node: (value) => ({ ok: true, value: value as GraphNode }),
  params: (node, patch) => ({
    ok: true,
    value: { ...node, params: { ...node.params, ...patch } } as GraphNode,
  }),
  training: (section) => ({ ok: true, value: section as TrainingSpec }),
  structure(doc) {
    const messages: string[] = [];
    const ctx = { addIssue: (issue: { message?: string }) => messages.push(issue.message ?? '') };
    checkGraphStructure(doc, ctx as unknown as Parameters<typeof checkGraphStructure>[1]);
    return messages[0] ?? null;
  },
};

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
  /**
   * The edits as checked: defaults filled, tensors typed. Applied with `TRUSTED_EDITS` to
   * the same document, they give the same result without any schema.
   */
  applied: GraphEdit[];
}

/** Edits that add, remove or rewire nodes; every other kind keeps the graph's structure. */
const STRUCTURAL = new Set<GraphEdit['kind']>(['addNode', 'removeNode', 'addEdge', 'removeEdge']);

interface Step {
  doc: GraphDocument;
  applied: GraphEdit;
}

/**
 * Where a `setCells` edit may write its new tensor: an array of `length` values that no
 * document holds, or undefined for a new one. Only the owner of every document it applies
 * edits to may give one (the engine worker, whose documents are copies of the page's).
 */
export type CellArrays = (param: TensorParam, length: number) => Float32Array | undefined;

/**
 * Apply edits in order with the given checks, all or nothing: the first refused edit returns
 * its error and the document stays as it was.
 */
export function applyEditsWith(
  doc: GraphDocument,
  edits: readonly GraphEdit[],
  checks: EditChecks,
  arrays?: CellArrays,
): ParseResult<EditOutcome> {
  let current = doc;
  const touched = new Set<string>();
  const removed = new Set<string>();
  const applied: GraphEdit[] = [];
  for (const edit of edits) {
    const next = applyOne(current, edit, touched, removed, checks, arrays);
    if (!next.ok) return next;
    current = next.value.doc;
    applied.push(next.value.applied);
  }
  const structural = edits.some((e) => e.kind === 'load' || STRUCTURAL.has(e.kind));
  // A load checked its whole graph already; other edits leave the graph rules as they were.
  if (edits.some((e) => STRUCTURAL.has(e.kind))) {
    const problem = checks.structure(current);
    if (problem !== null) return { ok: false, error: problem };
  }
  for (const id of removed) if (current.nodes.some((n) => n.id === id)) removed.delete(id);
  return { ok: true, value: { doc: current, touched, removed, structural, applied } };
}

function applyOne(
  doc: GraphDocument,
  edit: GraphEdit,
  touched: Set<string>,
  removed: Set<string>,
  checks: EditChecks,
  arrays: CellArrays | undefined,
): ParseResult<Step> {
  const same = (next: GraphDocument): ParseResult<Step> => ({
    ok: true,
    value: { doc: next, applied: edit },
  });
  switch (edit.kind) {
    case 'load': {
      const parsed = checks.graph(edit.graph);
      if (!parsed.ok) return parsed;
      for (const n of doc.nodes) removed.add(n.id);
      for (const n of parsed.value.nodes) touched.add(n.id);
      return {
        ok: true,
        value: { doc: parsed.value, applied: { kind: 'load', graph: parsed.value } },
      };
    }
    case 'addNode': {
      const node = checks.node(edit.node);
      if (!node.ok) return { ok: false, error: `new node: ${node.error}` };
      if (doc.nodes.some((n) => n.id === node.value.id))
        return { ok: false, error: `a node with id "${node.value.id}" already exists` };
      touched.add(node.value.id);
      return {
        ok: true,
        value: {
          doc: { ...doc, nodes: [...doc.nodes, node.value] },
          applied: { kind: 'addNode', node: node.value },
        },
      };
    }
    case 'removeNode': {
      if (!find(doc, edit.id)) return missing(edit.id);
      for (const e of doc.edges) if (e.source === edit.id) touched.add(e.target);
      touched.delete(edit.id);
      removed.add(edit.id);
      return same({
        ...doc,
        nodes: doc.nodes.filter((n) => n.id !== edit.id),
        edges: doc.edges.filter((e) => e.source !== edit.id && e.target !== edit.id),
      });
    }
    case 'setParams': {
      const old = find(doc, edit.id);
      if (!old) return missing(edit.id);
      const node = checks.params(old, edit.params);
      if (!node.ok) return { ok: false, error: `node "${edit.id}": ${node.error}` };
      touched.add(edit.id);
      const params = node.value.params as Record<string, unknown>;
      const checked = Object.fromEntries(Object.keys(edit.params).map((k) => [k, params[k]]));
      return {
        ok: true,
        value: {
          doc: replaceNode(doc, node.value),
          applied: { kind: 'setParams', id: edit.id, params: checked },
        },
      };
    }
    case 'setCells': {
      const old = find(doc, edit.id);
      if (!old) return missing(edit.id);
      const length = tensorLength(old, edit.param);
      const into = length === undefined ? undefined : arrays?.(edit.param, length);
      const node = withNodeCells(old, edit.param, edit.cells, into);
      if (!node.ok) return { ok: false, error: `node "${edit.id}": ${node.error}` };
      if (node.value === old) return same(doc);
      touched.add(edit.id);
      return same(replaceNode(doc, node.value));
    }
    case 'moveNode': {
      const old = find(doc, edit.id);
      if (!old) return missing(edit.id);
      if (!Number.isFinite(edit.position.x) || !Number.isFinite(edit.position.y))
        return { ok: false, error: 'position: expected finite numbers' };
      return same(
        replaceNode(doc, { ...old, position: { x: edit.position.x, y: edit.position.y } }),
      );
    }
    case 'setExercise': {
      const old = find(doc, edit.id);
      if (!old) return missing(edit.id);
      const { exercise: _previous, ...rest } = old as GraphNode & { exercise?: unknown };
      const node = checks.node(
        edit.exercise === null ? rest : { ...rest, exercise: edit.exercise },
      );
      if (!node.ok) return { ok: false, error: `node "${edit.id}": ${node.error}` };
      const exercise = (node.value as { exercise?: unknown }).exercise ?? null;
      return {
        ok: true,
        value: {
          doc: replaceNode(doc, node.value),
          applied: { kind: 'setExercise', id: edit.id, exercise },
        },
      };
    }
    case 'setTraining': {
      if (!doc.training) return { ok: false, error: 'the graph has no training section' };
      const parsed = checks.training({ ...doc.training, ...edit.fields });
      if (!parsed.ok) return { ok: false, error: `training.${parsed.error}` };
      // Replacing every field the section had, so a trusted merge gives exactly this section.
      const fields: Record<string, unknown> = { ...parsed.value };
      for (const key of Object.keys(doc.training)) if (!(key in fields)) fields[key] = undefined;
      return {
        ok: true,
        value: {
          doc: { ...doc, training: parsed.value },
          applied: { kind: 'setTraining', fields },
        },
      };
    }
    case 'addEdge':
      touched.add(edit.target);
      return same({ ...doc, edges: [...doc.edges, { source: edit.source, target: edit.target }] });
    case 'removeEdge': {
      const edges = doc.edges.filter(
        (e) => !(e.source === edit.source && e.target === edit.target),
      );
      if (edges.length === doc.edges.length)
        return { ok: false, error: `no edge from "${edit.source}" to "${edit.target}"` };
      touched.add(edit.target);
      return same({ ...doc, edges });
    }
  }
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

/** The length of a node's explicit tensor under `param`, if it has one. */
function tensorLength(node: GraphNode, param: TensorParam): number | undefined {
  const value = (node.params as Record<string, unknown>)[param] as { data?: unknown } | undefined;
  return value?.data instanceof Float32Array ? value.data.length : undefined;
}
