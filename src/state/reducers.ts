import type { WireReport } from '../engine/api.ts';
import { applyEdits, type GraphEdit } from '../graph/edits.ts';
import { inferShapes } from '../graph/shape-inference.ts';
import { descendantsOf } from '../graph/topo.ts';
import type { GraphDocument } from '../graph/types.ts';
import type { EditorState, NodeResult, Selection } from './types.ts';

/** The state a document starts from, before the engine has reported anything. */
export function initialState(doc: GraphDocument): EditorState {
  return {
    doc,
    revision: 0,
    loads: 0,
    shapes: inferShapes(doc),
    results: new Map(),
    engineErrors: new Map(),
    busy: new Map(doc.nodes.map((n) => [n.id, 0])),
    shownRevision: -1,
    selection: { nodes: [], edges: [] },
    status: null,
    notices: [],
    engine: 'starting',
  };
}

/**
 * `computes`: whether the edits change anything the engine computes (the outcome's touched
 * or removed nodes), so an evaluation is due; moving nodes or setting an exercise does not.
 */
export type EditResult =
  | { ok: true; state: EditorState; computes: boolean; applied: GraphEdit[] }
  | { ok: false; error: string };

/**
 * Validate and apply edits. The touched nodes and everything downstream become busy until
 * the report of the new revision arrives; results and selection of removed nodes go.
 */
export function editState(state: EditorState, edits: readonly GraphEdit[]): EditResult {
  const result = applyEdits(state.doc, edits);
  if (!result.ok) return result;
  const { doc, touched, removed, applied } = result.value;
  const computes = touched.size > 0 || removed.size > 0;
  const revision = state.revision + 1;
  const busy = new Map(state.busy);
  for (const id of removed) busy.delete(id);
  for (const id of descendantsOf(touched, doc.edges)) busy.set(id, revision);
  return {
    ok: true,
    computes,
    applied,
    state: {
      ...state,
      doc,
      revision,
      loads: state.loads + (edits.some((e) => e.kind === 'load') ? 1 : 0),
      // Shapes follow from what the engine computes: a move or an exercise keeps the map, and
      // with it every node's label unchanged.
      shapes: computes ? inferShapes(doc) : state.shapes,
      busy,
      results: removed.size > 0 ? withoutIds(state.results, removed) : state.results,
      engineErrors: removed.size > 0 ? withoutIds(state.engineErrors, removed) : state.engineErrors,
      selection: pruneSelection(state.selection, doc),
    },
  };
}

/**
 * Show a report of `revision`, or return null when a newer one is already shown. Only the
 * recomputed nodes' results change; nodes settle when a report at or after their busy
 * revision arrives.
 */
export function mergeReport(
  state: EditorState,
  revision: number,
  report: WireReport,
): EditorState | null {
  if (revision < state.shownRevision) return null;
  const live = new Set(state.doc.nodes.map((n) => n.id));
  const results = new Map(state.results);
  const outputs = new Map(report.outputs.map((o) => [o.id, o]));
  const timings = new Map(report.timings);
  for (const id of report.recomputed) {
    if (!live.has(id)) continue;
    const entry: NodeResult = { ms: timings.get(id) ?? 0, revision };
    const output = outputs.get(id);
    results.set(id, output ? { ...entry, output } : entry);
  }
  const busy = new Map([...state.busy].filter(([, settlesAt]) => settlesAt > revision));
  return {
    ...state,
    results,
    engineErrors: new Map(report.errors.filter(([id]) => live.has(id))),
    busy,
    shownRevision: revision,
    status: {
      recomputed: report.recomputed.length,
      nodeCount: report.nodeCount,
      elapsedMs: report.elapsedMs,
    },
  };
}

/** Every node busy until the report of the current revision: the engine starts afresh. */
export function allBusy(state: EditorState): EditorState {
  return { ...state, busy: new Map(state.doc.nodes.map((n) => [n.id, state.revision])) };
}

function withoutIds<V>(map: ReadonlyMap<string, V>, ids: ReadonlySet<string>): Map<string, V> {
  return new Map([...map].filter(([id]) => !ids.has(id)));
}

function pruneSelection(selection: Selection, doc: GraphDocument): Selection {
  const nodes = selection.nodes.filter((id) => doc.nodes.some((n) => n.id === id));
  const edges = selection.edges.filter((s) =>
    doc.edges.some((e) => e.source === s.source && e.target === s.target),
  );
  return nodes.length === selection.nodes.length && edges.length === selection.edges.length
    ? selection
    : { nodes, edges };
}
