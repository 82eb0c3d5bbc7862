import { DEFAULT_SPEED, stepPlayback, type StepCommand } from './step.ts';

/** The output cell the explain view is about: a flat index into the node's output. */
export interface Focus {
  nodeId: string;
  index: number;
}

/** Paint mode of the input editor: dragging over cells sets them to `value`. */
export interface PaintMode {
  on: boolean;
  value: number;
}

/** What the explain view, the exercises and the value editors share; never the graph. */
export interface InspectState {
  focus: Focus | null;
  playing: boolean;
  /** Steps per second. */
  speed: number;
  /** The learner's typed answers, by node id then output index. Not part of the document. */
  answers: ReadonlyMap<string, ReadonlyMap<number, string>>;
  /** Cells whose worked solution was opened before they were answered right. */
  shown: ReadonlyMap<string, ReadonlySet<number>>;
  paint: PaintMode;
}

export interface InspectStore {
  getState(): InspectState;
  subscribe(listener: () => void): () => void;
  focusCell(nodeId: string, index: number): void;
  clearFocus(): void;
  /** Move the player along `walk` (the focused node's cells in visiting order). */
  step(walk: readonly number[], command: StepCommand): void;
  setSpeed(speed: number): void;
  answer(nodeId: string, index: number, text: string): void;
  /** Open a cell's worked solution; `answeredRight` keeps an earned mark. */
  show(nodeId: string, index: number, answeredRight: boolean): void;
  setPaint(paint: PaintMode): void;
  /** A new document: focus, answers and shown solutions belong to the old one. */
  reset(): void;
}

const INITIAL: InspectState = {
  focus: null,
  playing: false,
  speed: DEFAULT_SPEED,
  answers: new Map(),
  shown: new Map(),
  paint: { on: false, value: 1 },
};

/**
 * @example
 * const inspect = createInspectStore();
 * inspect.focusCell('conv', 0);
 * inspect.step(walk, 'forward'); // focus on walk[1]
 */
export function createInspectStore(): InspectStore {
  let state = INITIAL;
  const listeners = new Set<() => void>();
  const set = (next: InspectState) => {
    if (next === state) return;
    state = next;
    for (const l of [...listeners]) l();
  };
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    focusCell(nodeId, index) {
      const same = state.focus?.nodeId === nodeId && state.focus.index === index;
      if (!same) set({ ...state, focus: { nodeId, index }, playing: false });
    },
    clearFocus: () => set({ ...state, focus: null, playing: false }),
    step(walk, command) {
      if (!state.focus) return;
      const next = stepPlayback(
        walk,
        { index: state.focus.index, playing: state.playing },
        command,
      );
      if (next.index === state.focus.index && next.playing === state.playing) return;
      set({ ...state, focus: { ...state.focus, index: next.index }, playing: next.playing });
    },
    setSpeed: (speed) => set({ ...state, speed }),
    answer(nodeId, index, text) {
      const answers = new Map(state.answers);
      answers.set(nodeId, new Map(state.answers.get(nodeId)).set(index, text));
      set({ ...state, answers });
    },
    show(nodeId, index, answeredRight) {
      if (answeredRight || state.shown.get(nodeId)?.has(index)) return;
      const shown = new Map(state.shown);
      shown.set(nodeId, new Set(state.shown.get(nodeId)).add(index));
      set({ ...state, shown });
    },
    setPaint: (paint) => set({ ...state, paint }),
    reset: () => set({ ...INITIAL, speed: state.speed, paint: state.paint }),
  };
}
