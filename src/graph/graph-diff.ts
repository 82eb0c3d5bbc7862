import { applyEdits, type GraphEdit } from './edits.ts';
import type { GraphDocument, GraphEdge, GraphNode } from './types.ts';

/**
 * Whether two JSON-like values are equal, member by member. Documents are immutable and
 * share unchanged parts, so identical references end most comparisons early.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) return sameNumbers(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => sameValue(v, other[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>;
  const ra = a as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && sameValue(ra[k], rb[k]));
}

/** Tensor data: equal when both are typed arrays of the same values (NaN never is). */
function sameNumbers(a: object, b: object): boolean {
  if (!(a instanceof Float32Array) || !(b instanceof Float32Array)) return false;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether two documents hold the same graph, whatever the order of their nodes and edges. */
export function sameGraph(a: GraphDocument, b: GraphDocument): boolean {
  if (a === b) return true;
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  const { nodes: _an, edges: _ae, ...restA } = a;
  const { nodes: _bn, edges: _be, ...restB } = b;
  if (!sameValue(restA, restB)) return false;
  const byId = new Map(b.nodes.map((n) => [n.id, n]));
  if (!a.nodes.every((n) => sameValue(n, byId.get(n.id)))) return false;
  const edges = new Set(b.edges.map(edgeKey));
  return a.edges.every((e) => edges.has(edgeKey(e)));
}

/**
 * The smallest edits that turn `from` into a graph equal to `to` (up to the order of nodes
 * and edges), so undoing a parameter change recomputes only what it touched. Falls back
 * to one `load` of `to` when the graphs differ beyond nodes and edges (another title) or
 * the small edits would not reproduce it.
 * @example editsBetween(withSame, withValid) // [{ kind: 'setParams', id: 'conv', params: {…} }]
 */
export function editsBetween(from: GraphDocument, to: GraphDocument): GraphEdit[] {
  if (from === to) return [];
  const load: GraphEdit[] = [{ kind: 'load', graph: to }];
  const { nodes: _fn, edges: _fe, ...restFrom } = from;
  const { nodes: _tn, edges: _te, ...restTo } = to;
  if (!sameValue(restFrom, restTo)) return load;
  const edits = nodeAndEdgeEdits(from, to);
  const check = applyEdits(from, edits);
  return check.ok && sameGraph(check.value.doc, to) ? edits : load;
}

function nodeAndEdgeEdits(from: GraphDocument, to: GraphDocument): GraphEdit[] {
  const before = new Map(from.nodes.map((n) => [n.id, n]));
  const after = new Map(to.nodes.map((n) => [n.id, n]));
  // A node whose type changed is removed and added again; its edges go with it.
  const replaced = new Set(
    to.nodes.filter((n) => before.has(n.id) && before.get(n.id)!.type !== n.type).map((n) => n.id),
  );
  const gone = (id: string) => !after.has(id) || replaced.has(id);
  const edges = new Set(to.edges.map(edgeKey));
  const kept = new Set<string>();
  const edits: GraphEdit[] = [];
  for (const e of from.edges) {
    if (gone(e.source) || gone(e.target)) continue;
    if (edges.has(edgeKey(e))) kept.add(edgeKey(e));
    else edits.push({ kind: 'removeEdge', source: e.source, target: e.target });
  }
  for (const n of from.nodes) if (gone(n.id)) edits.push({ kind: 'removeNode', id: n.id });
  for (const n of to.nodes) {
    const old = before.get(n.id);
    if (!old || replaced.has(n.id)) edits.push({ kind: 'addNode', node: n });
    else edits.push(...nodeEdits(old, n));
  }
  for (const e of to.edges)
    if (!kept.has(edgeKey(e))) edits.push({ kind: 'addEdge', source: e.source, target: e.target });
  return edits;
}

function nodeEdits(old: GraphNode, next: GraphNode): GraphEdit[] {
  const edits: GraphEdit[] = [];
  if (!sameValue(old.params, next.params))
    edits.push({ kind: 'setParams', id: next.id, params: { ...next.params } });
  if (old.position.x !== next.position.x || old.position.y !== next.position.y)
    edits.push({ kind: 'moveNode', id: next.id, position: { ...next.position } });
  const exercise = (n: GraphNode) => ('exercise' in n ? n.exercise : undefined);
  if (!sameValue(exercise(old), exercise(next)))
    edits.push({ kind: 'setExercise', id: next.id, exercise: exercise(next) ?? null });
  return edits;
}

function edgeKey(e: GraphEdge): string {
  return JSON.stringify([e.source, e.target, e.id ?? null]);
}
