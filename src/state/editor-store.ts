import type { Message } from '../i18n/translate.ts';
import type { WireReport } from '../engine/api.ts';
import type { GraphEdit } from '../graph/edits.ts';
import { editsBetween } from '../graph/graph-diff.ts';
import type { GraphDocument } from '../graph/types.ts';
import { allBusy, editState, initialState, mergeReport } from './reducers.ts';
import type {
  DispatchResult,
  EditorState,
  EditsEvent,
  EngineState,
  NoticeAction,
  NoticeKind,
  Selection,
} from './types.ts';

export interface DispatchOptions {
  /** Report a refusal only through the result (a form field shows it inline). */
  quiet?: boolean;
  /**
   * One undo step of its own, never merged with the edits around it (a stroke on the drawing
   * pad), though quick changes of the same parameter otherwise merge (typing "16").
   */
  separateStep?: boolean;
}

/** The editor's single store. Every graph change goes through `dispatch`. */
export interface EditorStore {
  getState(): EditorState;
  /** For useSyncExternalStore: called after every change. */
  subscribe(listener: () => void): () => void;
  /**
   * Apply edits to the document, all or nothing, and forward them to the engine. A refused
   * batch changes nothing and, unless quiet, shows its reason as a notice.
   */
  dispatch(edits: readonly GraphEdit[], options?: DispatchOptions): DispatchResult;
  /**
   * Make `doc` the document again (undo, redo), exactly, node order included. The engine
   * hears only the edits between the two graphs, so an undo recomputes what it touched.
   */
  restore(doc: GraphDocument): DispatchResult;
  /** Hear every accepted batch (the engine client, later undo history and autosave). */
  onEdits(listener: (event: EditsEvent) => void): () => void;
  /** Show an engine report reflecting `revision`; false when a newer one is already shown. */
  receiveReport(revision: number, report: WireReport): boolean;
  /** The engine restarted: every node is busy until it reports on the current revision. */
  markAllBusy(): void;
  setSelection(selection: Selection): void;
  /** Show a notice; an `action` adds a button to it (e.g. "Restore previous graph"). */
  pushNotice(kind: NoticeKind, message: string | Message, action?: NoticeAction): number;
  dismissNotice(id: number): void;
  setEngine(engine: EngineState): void;
}

/**
 * @example
 * const store = createEditorStore(doc);
 * store.dispatch([{ kind: 'setParams', id: 'conv', params: { padding: 'same' } }]);
 * store.getState().busy; // conv and everything downstream, until the engine reports
 */
export function createEditorStore(doc: GraphDocument): EditorStore {
  return new StoreImpl(doc);
}

// Methods are arrow properties: components pass `subscribe` and `getState` around unbound.
class StoreImpl implements EditorStore {
  private state: EditorState;
  private nextNoticeId = 1;
  private readonly listeners = new Set<() => void>();
  private readonly editListeners = new Set<(event: EditsEvent) => void>();

  constructor(doc: GraphDocument) {
    this.state = initialState(doc);
  }

  getState = (): EditorState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispatch = (edits: readonly GraphEdit[], options: DispatchOptions = {}): DispatchResult => {
    const result = editState(this.state, edits);
    if (!result.ok) {
      if (!options.quiet) this.pushNotice('error', result.error);
      return result;
    }
    return this.commit(
      result.state,
      result.applied,
      result.computes,
      options.separateStep === true,
    );
  };

  restore = (doc: GraphDocument): DispatchResult => {
    const edits = editsBetween(this.state.doc, doc);
    if (edits.length === 0) return { ok: true, revision: this.state.revision };
    const result = editState(this.state, edits);
    if (!result.ok) {
      this.pushNotice('error', result.error);
      return result;
    }
    // The edits give an equal graph, perhaps ordered differently: keep `doc` itself.
    return this.commit({ ...result.state, doc }, result.applied, result.computes);
  };

  onEdits = (listener: (event: EditsEvent) => void): (() => void) => {
    this.editListeners.add(listener);
    return () => this.editListeners.delete(listener);
  };

  receiveReport = (revision: number, report: WireReport): boolean => {
    const next = mergeReport(this.state, revision, report);
    if (next) this.set({ ...next, engine: 'ready' });
    return next !== null;
  };

  markAllBusy = (): void => this.set(allBusy(this.state));

  setSelection = (selection: Selection): void => this.set({ ...this.state, selection });

  pushNotice = (kind: NoticeKind, message: string | Message, action?: NoticeAction): number => {
    const id = this.nextNoticeId++;
    // The same message twice in a row is one notice, shown again.
    const same = JSON.stringify(message);
    const others = this.state.notices.filter((n) => JSON.stringify(n.message) !== same);
    const notice = action ? { id, kind, message, action } : { id, kind, message };
    this.set({ ...this.state, notices: [...others, notice] });
    return id;
  };

  dismissNotice = (id: number): void => {
    const notices = this.state.notices.filter((n) => n.id !== id);
    if (notices.length !== this.state.notices.length) this.set({ ...this.state, notices });
  };

  setEngine = (engine: EngineState): void => {
    if (this.state.engine !== engine) this.set({ ...this.state, engine });
  };

  private commit(
    next: EditorState,
    edits: readonly GraphEdit[],
    needsEvaluation: boolean,
    separateStep = false,
  ): DispatchResult {
    this.set(next);
    const revision = this.state.revision;
    const event: EditsEvent = { edits, revision, needsEvaluation };
    if (separateStep) event.separateStep = true;
    for (const listener of [...this.editListeners]) listener(event);
    return { ok: true, revision };
  }

  private set(next: EditorState): void {
    if (next === this.state) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}
