import {
  applyEditsWith,
  TRUSTED_EDITS,
  type CellArrays,
  type EditChecks,
  type GraphEdit,
} from '../graph/edit-apply.ts';
import type { ParseResult } from '../graph/parse.ts';
import { sizeOf } from '../graph/shape.ts';
import { inferShapes, type NodeShape, type NodeShapeOk } from '../graph/shape-inference.ts';
import { descendantsOf, topologicalOrder } from '../graph/topo.ts';
import type { GraphDocument } from '../graph/types.ts';
import { now } from './clock.ts';
import { PreActivations } from './pre-activations.ts';
import { runNodeRows } from './registry.ts';
import { rowsReached } from '../graph/window.ts';
import type { Tensor } from './tensor.ts';
import type { OutputMemory } from './shared-outputs.ts';
import { WeightStore } from './weight-store.ts';

/** What one evaluation delivers. */
export interface EvaluationReport {
  /** The edit count this report reflects; a report never arrives after one with a larger epoch. */
  epoch: number;
  /** The caller's revision of the document this report reflects (see `apply`). */
  revision: number;
  /** Nodes computed for this report, in topological order (including those that errored). */
  recomputed: string[];
  /** Outputs of the recomputed nodes that succeeded. */
  outputs: Map<string, Tensor>;
  /** Milliseconds each recomputed node took. */
  timings: Map<string, number>;
  /** Every node's current error, recomputed or not. */
  errors: Map<string, string>;
  /** Every node's inferred shape. */
  shapes: Map<string, NodeShape>;
  nodeCount: number;
  elapsedMs: number;
}

export interface SessionOptions {
  /**
   * Where outputs live when the page reads them in place (shared-outputs.ts): the session
   * takes its output arrays there and never writes one the page still holds.
   */
  memory?: OutputMemory;
  /**
   * Every document loaded or edited here is the session's own (the engine worker's copies of
   * the page's): an Input's tensor that a cell edit replaced is then written by the next one,
   * sparing a fresh allocation (and its page faults) per keystroke or pen stroke.
   */
  ownsDocuments?: boolean;
}

/**
 * Rows of a node's output (its first axis) that may differ from its last computed output:
 * an inclusive range, every row, or none.
 */
type Rows = readonly [number, number] | 'all' | null;

function unionRows(a: Rows | undefined, b: Rows): Rows {
  if (a === undefined || a === null) return b;
  if (b === null) return a;
  if (a === 'all' || b === 'all') return 'all';
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

/** Replaced Input tensors kept for reuse, per length. */
const RECYCLED_PER_LENGTH = 2;

const EMPTY: GraphDocument = { format: 'convflow-graph', version: 1, nodes: [], edges: [] };

/**
 * A graph and its cached outputs. Edits mark the edited nodes and their descendants dirty;
 * `evaluate` recomputes exactly those, in topological order (Observable's runtime).
 * @example
 * const s = new EngineSession();
 * s.apply([{ kind: 'load', graph }]);
 * s.evaluate().recomputed; // every node
 * s.apply([{ kind: 'setParams', id: 'c1', params: { padding: 'same' } }]);
 * s.evaluate().recomputed; // 'c1' and what lies downstream of it
 *
 * Edits are trusted by default: they come checked from where they entered (the page's
 * store, the CLI's parser), as `EditOutcome.applied`. Pass `CHECKED_EDITS` (graph/edits.ts)
 * to check them here instead.
 */
export class EngineSession {
  private doc: GraphDocument = EMPTY;
  private shapes = new Map<string, NodeShape>();
  private order: string[] = [];
  private inputOf = new Map<string, string>();
  private childrenOf = new Map<string, string[]>();
  private outputs = new Map<string, Float32Array>();
  /**
   * Outputs of dirty nodes, no longer readable through `output()`: each node's next
   * computation may overwrite its own (see runNode), so an edit of a large graph reuses
   * the arrays of the last one instead of allocating them afresh.
   */
  private spare = new Map<string, Float32Array>();
  private dirty = new Set<string>();
  /** Computed since the last delivered report. */
  private undelivered = new Set<string>();
  private timings = new Map<string, number>();
  /** Failures while computing (not foreseeable from shapes), kept until the node is recomputed. */
  private runtimeErrors = new Map<string, string>();
  private weights = new WeightStore();
  /** Sums kept for activation edits (pre-activations.ts). */
  private preActivations = new PreActivations();
  /** Each output's computation, numbered: what a node's kept sums were made from. */
  private stamps = new Map<string, number>();
  private computations = 0;
  /**
   * For dirty nodes: the rows of their output that may differ from their last one (absent:
   * all). A drawing-pad dot changes a few rows of an Input; a Conv2D or MaxPool below then
   * recomputes only the rows whose windows read them (`runNodeRows`).
   */
  private changedRows = new Map<string, Rows>();
  /** Dirty nodes' last outputs that the page still reads (shared memory): read, never written. */
  private lentBefore = new Map<string, Float32Array>();
  private epoch = 0;
  private revision = 0;
  private computing = false;

  private readonly memory: OutputMemory | undefined;
  /** Input tensors no document holds any more, by length (with `ownsDocuments`). */
  private readonly recycled: Map<number, Float32Array[]> | null;
  private readonly cellArrays: CellArrays | undefined;

  constructor(
    private readonly checks: EditChecks = TRUSTED_EDITS,
    options: SessionOptions = {},
  ) {
    this.memory = options.memory;
    this.recycled = options.ownsDocuments ? new Map() : null;
    this.cellArrays = this.recycled
      ? (param, length) => (param === 'tensor' ? this.recycled!.get(length)?.pop() : undefined)
      : undefined;
  }

  get document(): GraphDocument {
    return this.doc;
  }

  get currentEpoch(): number {
    return this.epoch;
  }

  /**
   * Apply edits atomically; on error nothing changes. Returns the new epoch. `revision` is
   * the caller's own count for the document these edits make (a store's revision): reports
   * echo it, so the caller knows what they answer (Observable's version). It defaults to
   * the epoch.
   */
  apply(edits: readonly GraphEdit[], revision?: number): ParseResult<number> {
    const before = this.doc;
    const result = applyEditsWith(this.doc, edits, this.checks, this.cellArrays);
    if (!result.ok) return result;
    if (this.recycled) this.recycleInputs(before, result.value.doc, edits);
    for (const id of result.value.removed) this.forget(id);
    this.install(result.value.doc, result.value.touched, result.value.structural);
    // A structural edit touches every node it rewires, a load every node: all rows of those.
    for (const id of result.value.touched)
      this.changedRows.set(id, unionRows(this.changedRows.get(id), this.editedRows(id, edits)));
    if (edits.length > 0) this.epoch++;
    this.revision = revision ?? this.epoch;
    return { ok: true, value: this.epoch };
  }

  /**
   * The rows of an edited node's output that `edits` may have changed: an Input's cell edits
   * change the rows of their cells; any other edit of a node may change all of it.
   */
  private editedRows(id: string, edits: readonly GraphEdit[]): Rows {
    const node = this.doc.nodes.find((n) => n.id === id);
    const shape = this.shapes.get(id);
    if (node?.type !== 'Input' || !shape?.ok || shape.shape.length !== 3) return 'all';
    const rowLength = shape.shape[1]! * shape.shape[2]!;
    let rows: Rows = null;
    for (const e of edits) {
      if (!('id' in e) || e.id !== id || e.kind === 'moveNode' || e.kind === 'setExercise')
        continue;
      if (e.kind !== 'setCells' || e.param !== 'tensor') return 'all';
      for (const cell of e.cells) {
        const row = Math.floor(cell.index / rowLength);
        rows = unionRows(rows, [row, row]);
      }
    }
    return rows ?? 'all';
  }

  /** Keep the Input tensors that cell edits replaced, if no node of `after` holds them. */
  private recycleInputs(before: GraphDocument, after: GraphDocument, edits: readonly GraphEdit[]) {
    const cells = edits.filter(
      (e): e is Extract<GraphEdit, { kind: 'setCells' }> =>
        e.kind === 'setCells' && e.param === 'tensor',
    );
    if (cells.length === 0) return;
    const held = new Set(after.nodes.map((n) => n.type === 'Input' && n.params.tensor.data));
    for (const edit of cells) {
      const old = before.nodes.find((n) => n.id === edit.id);
      const data = old?.type === 'Input' ? old.params.tensor.data : undefined;
      if (!data || held.has(data)) continue;
      const list = this.recycled!.get(data.length) ?? [];
      if (list.length < RECYCLED_PER_LENGTH && !list.includes(data)) list.push(data);
      this.recycled!.set(data.length, list);
    }
  }

  /** Replace the graph with an already-validated document; every node becomes dirty. */
  load(doc: GraphDocument, revision?: number): number {
    for (const n of this.doc.nodes) this.forget(n.id);
    this.install(doc, new Set(doc.nodes.map((n) => n.id)), true);
    this.epoch++;
    this.revision = revision ?? this.epoch;
    return this.epoch;
  }

  private install(doc: GraphDocument, touched: Set<string>, structural: boolean): void {
    this.doc = doc;
    // Parameter and cell edits keep the nodes and edges: the order and the inputs stand.
    if (structural) {
      this.inputOf = new Map(doc.edges.map((e) => [e.target, e.source]));
      this.childrenOf = new Map();
      for (const e of doc.edges)
        this.childrenOf.set(e.source, [...(this.childrenOf.get(e.source) ?? []), e.target]);
      this.order = topologicalOrder(
        doc.nodes.map((n) => n.id),
        doc.edges,
      ).order;
    }
    // A dirty node's cached data belongs to an older epoch (and may not fit its new shape):
    // set it aside, so output() never pairs it with the new document.
    for (const id of descendantsOf(touched, doc.edges)) {
      this.dirty.add(id);
      this.setAside(id);
    }
    this.shapes = inferShapes(doc);
    for (const [id, error] of this.runtimeErrors)
      if (!this.dirty.has(id)) this.shapes.set(id, { ok: false, error });
  }

  /** Recompute every dirty node now. */
  evaluate(): EvaluationReport {
    for (const _ of this.steps());
    return this.report();
  }

  /**
   * Recompute with `pause()` awaited between nodes, so newer edits can arrive. If one does,
   * returns null: the work done so far is kept, and the next evaluation delivers it.
   */
  async evaluateAsync(pause: () => Promise<void>): Promise<EvaluationReport | null> {
    const started = this.epoch;
    for (const _ of this.steps()) {
      // After the last node there is nothing left to give way to: report at once.
      if (this.dirty.size === 0) break;
      await pause();
      if (this.epoch !== started) return null;
    }
    return this.report();
  }

  /**
   * The cached output of a node, if it has one. Its data (like a report's) is the session's
   * own array, valid until the node is recomputed, which may overwrite it: copy to keep.
   */
  output(id: string): Tensor | undefined {
    const data = this.outputs.get(id);
    const shape = this.shapes.get(id);
    return data && shape?.ok ? { shape: shape.shape, data } : undefined;
  }

  /**
   * A Conv2D's or Dense's weights as the engine holds them after its last computation: the
   * resolved kernel and bias, and their SIMD packing if that path ran. Read, never write.
   */
  weightsOf(id: string): ReturnType<WeightStore['peek']> {
    return this.weights.peek(id);
  }

  /** Nodes waiting to be recomputed. */
  get pending(): ReadonlySet<string> {
    return this.dirty;
  }

  private *steps(): Generator<string, void> {
    if (this.computing) throw new Error('an evaluation is already running on this session');
    this.computing = true;
    try {
      for (const id of [...this.order]) {
        if (!this.dirty.has(id)) continue;
        this.computeNode(id);
        yield id;
      }
    } finally {
      this.computing = false;
    }
  }

  private computeNode(id: string): void {
    const start = now();
    this.dirty.delete(id);
    this.undelivered.add(id);
    this.setAside(id);
    let spare = this.spare.get(id);
    this.spare.delete(id);
    this.runtimeErrors.delete(id);
    const rows = this.changedRows.get(id) ?? 'all';
    this.changedRows.delete(id);
    const lent = this.lentBefore.get(id);
    this.lentBefore.delete(id);
    this.stamps.delete(id);
    const shape = this.shapes.get(id);
    const node = this.doc.nodes.find((n) => n.id === id);
    if (!node || !shape?.ok) return;
    const source = this.inputOf.get(id);
    const input = source === undefined ? new Float32Array(0) : this.outputs.get(source);
    const inputStamp = source === undefined ? 0 : this.stamps.get(source);
    try {
      if (!input) throw new Error(`input "${source}" has an error`);
      const size = sizeOf(shape.shape);
      const before = spare ?? (lent && this.memory?.held(lent) ? lent : undefined);
      let output =
        rows !== 'all' && before?.length === size
          ? this.computeRows(node, input, shape, before, spare, rows)
          : undefined;
      if (output) this.preActivations.computedElsewhere(node, inputStamp, shape, this.weights);
      else {
        spare ??= this.memory?.take(size);
        output = this.preActivations.compute(node, input, inputStamp, shape, this.weights, spare);
        if (spare && output !== spare) this.memory?.giveBack(spare);
      }
      this.outputs.set(id, output);
      this.stamps.set(id, ++this.computations);
      // What changed here is what the children's windows may read.
      for (const child of this.childrenOf.get(id) ?? [])
        this.changedRows.set(
          child,
          unionRows(this.changedRows.get(child), this.rowsSeenBy(child, rows)),
        );
    } catch (e) {
      this.preActivations.forget(id);
      if (spare) this.memory?.giveBack(spare);
      // An allocation failure on one node must not take the session (or the worker) down.
      const error = input ? `could not compute: ${(e as Error).message}` : (e as Error).message;
      this.runtimeErrors.set(id, error);
      this.shapes.set(id, { ok: false, error });
    }
    this.timings.set(id, now() - start);
  }

  /**
   * The node's output with only `rows` recomputed, the rest kept from `before` (its last
   * output, unchanged there): in `spare` (which is `before`) or a fresh array. Undefined when
   * the node's kernel cannot compute some rows alone.
   */
  private computeRows(
    node: GraphDocument['nodes'][number],
    input: Float32Array,
    shape: NodeShapeOk,
    before: Float32Array,
    spare: Float32Array | undefined,
    rows: readonly [number, number] | null,
  ): Float32Array | undefined {
    const size = before.length;
    const into = spare ?? this.memory?.take(size) ?? new Float32Array(size);
    if (into !== before) into.set(before);
    if (rows === null || runNodeRows(node, input, shape, this.weights, into, rows[0], rows[1]))
      return into;
    if (into !== spare) this.memory?.giveBack(into);
    return undefined;
  }

  /**
   * Rows of `child`'s output that may change when `rows` of its input have: those a sliding
   * window reads (Conv2D, MaxPool); every row of any other node.
   */
  private rowsSeenBy(child: string, rows: Rows): Rows {
    if (rows === null || rows === 'all') return rows;
    const shape = this.shapes.get(child);
    return shape?.ok && shape.window ? rowsReached(shape.window, rows[0], rows[1]) : 'all';
  }

  private report(): EvaluationReport {
    const recomputed = this.order.filter((id) => this.undelivered.has(id));
    this.undelivered.clear();
    const outputs = new Map<string, Tensor>();
    const timings = new Map<string, number>();
    for (const id of recomputed) {
      const t = this.output(id);
      if (t) outputs.set(id, t);
      timings.set(id, this.timings.get(id) ?? 0);
    }
    const errors = new Map<string, string>();
    for (const [id, s] of this.shapes) if (!s.ok) errors.set(id, s.error);
    const elapsedMs = [...timings.values()].reduce((a, b) => a + b, 0);
    return {
      epoch: this.epoch,
      revision: this.revision,
      recomputed,
      outputs,
      timings,
      errors,
      shapes: new Map(this.shapes),
      nodeCount: this.order.length,
      elapsedMs,
    };
  }

  /**
   * Move a node's output out of reach of `output()`, for its next computation to reuse;
   * unless the page still reads it (shared memory): then it is let go, for later reuse.
   */
  private setAside(id: string): void {
    const data = this.outputs.get(id);
    if (!data) return;
    this.outputs.delete(id);
    if (this.memory?.held(data)) {
      this.memory.retire(data);
      this.lentBefore.set(id, data);
    } else this.spare.set(id, data);
  }

  private forget(id: string): void {
    const data = this.outputs.get(id);
    if (data && this.memory?.held(data)) this.memory.retire(data);
    this.outputs.delete(id);
    this.spare.delete(id);
    this.dirty.delete(id);
    this.undelivered.delete(id);
    this.timings.delete(id);
    this.runtimeErrors.delete(id);
    this.weights.forget(id);
    this.preActivations.forget(id);
    this.stamps.delete(id);
    this.changedRows.delete(id);
    this.lentBefore.delete(id);
  }
}
