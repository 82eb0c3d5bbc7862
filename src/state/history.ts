import type { GraphEdit } from '../graph/edits.ts';
import { sameValue } from '../graph/graph-diff.ts';
import type { GraphDocument } from '../graph/types.ts';
import type { EditorStore } from './editor-store.ts';
import type { EditsEvent } from './types.ts';

export interface HistoryOptions {
  /** Most steps kept; the oldest go first. */
  limit?: number;
  /** Changes of the same parameters of one node within this many ms are one step (typing "16"). */
  mergeMs?: number;
  now?: () => number;
}

/** Whether there is something to undo or redo; a new object only when either changes. */
export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
}

/** Undo and redo over whole documents, fed by every accepted dispatch of one store. */
export interface History {
  undo(): boolean;
  redo(): boolean;
  getState(): HistoryState;
  subscribe(listener: () => void): () => void;
  dispose(): void;
}

export const HISTORY_LIMIT = 200;
const MERGE_MS = 1000;

/**
 * Record every accepted batch of `store` as one step: the document before it. Documents are
 * immutable and share their unchanged parts, so a step costs a reference. Undo and redo go
 * through `store.restore`, so the engine hears them like any other edit.
 * @example
 * const history = createHistory(store);
 * store.dispatch([{ kind: 'setParams', id: 'conv', params: { padding: 'same' } }]);
 * history.undo(); // padding is 'valid' again
 */
export function createHistory(store: EditorStore, options: HistoryOptions = {}): History {
  return new HistoryImpl(store, options);
}

class HistoryImpl implements History {
  private past: GraphDocument[] = [];
  private future: GraphDocument[] = [];
  private present: GraphDocument;
  /** The last step's mergeable edit and when it came, while typing may still extend it. */
  private last: { key: string; at: number } | null = null;
  private replaying = false;
  private state: HistoryState = { canUndo: false, canRedo: false };
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: () => void;
  private readonly limit: number;
  private readonly mergeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: EditorStore,
    options: HistoryOptions,
  ) {
    this.limit = Math.max(1, options.limit ?? HISTORY_LIMIT);
    this.mergeMs = options.mergeMs ?? MERGE_MS;
    this.now = options.now ?? Date.now;
    this.present = store.getState().doc;
    this.unsubscribe = store.onEdits((event) => this.heard(event));
  }

  undo = (): boolean => this.step(this.past, this.future);

  redo = (): boolean => this.step(this.future, this.past);

  getState = (): HistoryState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispose(): void {
    this.unsubscribe();
  }

  private heard(event: EditsEvent): void {
    const doc = this.store.getState().doc;
    if (this.replaying || sameValue(doc, this.present)) {
      this.present = doc;
      return;
    }
    const key = event.separateStep ? null : mergeKey(event.edits);
    const at = this.now();
    const merges = key !== null && this.last?.key === key && at - this.last.at < this.mergeMs;
    if (!merges) {
      this.past.push(this.present);
      if (this.past.length > this.limit) this.past.splice(0, this.past.length - this.limit);
    }
    this.future = [];
    this.present = doc;
    this.last = key === null ? null : { key, at };
    this.changed();
  }

  /** Move one document from `from` to the present, the present onto `to`. */
  private step(from: GraphDocument[], to: GraphDocument[]): boolean {
    const target = from.at(-1);
    if (!target) return false;
    const leaving = this.present;
    this.replaying = true;
    try {
      if (!this.store.restore(target).ok) return false;
    } finally {
      this.replaying = false;
    }
    from.pop();
    to.push(leaving);
    this.present = target;
    this.last = null;
    this.changed();
    return true;
  }

  private changed(): void {
    const canUndo = this.past.length > 0;
    const canRedo = this.future.length > 0;
    if (canUndo === this.state.canUndo && canRedo === this.state.canRedo) return;
    this.state = { canUndo, canRedo };
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * Typing into one field sends one edit per keystroke (holding ↑ on a value cell, one per
 * repeat): a setParams of the same params, or a setCells of the same cells, merge into one step.
 */
function mergeKey(edits: readonly GraphEdit[]): string | null {
  const [only] = edits;
  if (edits.length !== 1) return null;
  if (only?.kind === 'setParams') return JSON.stringify([only.id, Object.keys(only.params).sort()]);
  if (only?.kind === 'setCells')
    return JSON.stringify([only.id, only.param, only.cells.map((c) => c.index)]);
  return null;
}
