import {
  applyEditsWith,
  TRUSTED_EDITS,
  type CellArrays,
  type EditChecks,
  type GraphEdit,
} from '../graph/edit-apply.ts';
import type { ParseResult } from '../graph/parse.ts';
import { sizeOf } from '../graph/shape.ts';
import { inferShapes, type NodeShape } from '../graph/shape-inference.ts';
import { descendantsOf, topologicalOrder } from '../graph/topo.ts';
import type { GraphDocument } from '../graph/types.ts';
import { now } from './clock.ts';
import { PreActivations } from './pre-activations.ts';
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
    if (edits.length > 0) this.epoch++;
    this.revision = revision ?? this.epoch;
    return { ok: true, value: this.epoch };
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
    const shape = this.shapes.get(id);
    const node = this.doc.nodes.find((n) => n.id === id);
    if (!node || !shape?.ok) return;
    const source = this.inputOf.get(id);
    const input = source === undefined ? new Float32Array(0) : this.outputs.get(source);
    const inputStamp = source === undefined ? 0 : this.stamps.get(source);
    this.stamps.delete(id);
    try {
      if (!input) throw new Error(`input "${source}" has an error`);
      spare ??= this.memory?.take(sizeOf(shape.shape));
      const output = this.preActivations.compute(
        node,
        input,
        inputStamp,
        shape,
        this.weights,
        spare,
      );
      this.outputs.set(id, output);
      this.stamps.set(id, ++this.computations);
      if (spare && output !== spare) this.memory?.giveBack(spare);
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
    if (this.memory?.held(data)) this.memory.retire(data);
    else this.spare.set(id, data);
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
  }
}
