import type { WireReport } from '../engine/api.ts';
import type { GraphEdit } from '../graph/edits.ts';
import type { GraphDocument } from '../graph/types.ts';
import { allBusy, editState, initialState, mergeReport } from './reducers.ts';
import type {
  DispatchResult,
  EditorState,
  EditsEvent,
  EngineState,
  NoticeKind,
  Selection,
} from './types.ts';

export interface DispatchOptions {
  /** Report a refusal only through the result (a form field shows it inline). */
  quiet?: boolean;
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
  /** Hear every accepted batch (the engine client, later undo history and autosave). */
  onEdits(listener: (event: EditsEvent) => void): () => void;
  /** Show an engine report reflecting `revision`; false when a newer one is already shown. */
  receiveReport(revision: number, report: WireReport): boolean;
  /** The engine restarted: every node is busy until it reports on the current revision. */
  markAllBusy(): void;
  setSelection(selection: Selection): void;
  pushNotice(kind: NoticeKind, message: string): number;
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
  let state = initialState(doc);
  let nextNoticeId = 1;
  const listeners = new Set<() => void>();
  const editListeners = new Set<(event: EditsEvent) => void>();

  function set(next: EditorState): void {
    if (next === state) return;
    state = next;
    for (const listener of [...listeners]) listener();
  }

  function pushNotice(kind: NoticeKind, message: string): number {
    const id = nextNoticeId++;
    // The same message twice in a row is one notice, shown again.
    const others = state.notices.filter((n) => n.message !== message);
    set({ ...state, notices: [...others, { id, kind, message }] });
    return id;
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch(edits, options = {}) {
      const result = editState(state, edits);
      if (!result.ok) {
        if (!options.quiet) pushNotice('error', result.error);
        return result;
      }
      set(result.state);
      const event: EditsEvent = {
        edits,
        revision: state.revision,
        needsEvaluation: edits.some((e) => e.kind !== 'moveNode'),
      };
      for (const listener of [...editListeners]) listener(event);
      return { ok: true, revision: state.revision };
    },
    onEdits(listener) {
      editListeners.add(listener);
      return () => editListeners.delete(listener);
    },
    receiveReport(revision, report) {
      const next = mergeReport(state, revision, report);
      if (next) set({ ...next, engine: 'ready' });
      return next !== null;
    },
    markAllBusy: () => set(allBusy(state)),
    setSelection: (selection) => set({ ...state, selection }),
    pushNotice,
    dismissNotice: (id) => set({ ...state, notices: state.notices.filter((n) => n.id !== id) }),
    setEngine: (engine) => set(state.engine === engine ? state : { ...state, engine }),
  };
}
