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
  /** A click on an Input's map asks its editor to put the caret in that cell (`seq` counts). */
  editRequest: (Focus & { seq: number }) | null;
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
  /** Ask the editor to focus the field of the focused cell (after a click on it). */
  requestEdit(): void;
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
  editRequest: null,
};

/**
 * @example
 * const inspect = createInspectStore();
 * inspect.focusCell('conv', 0);
 * inspect.step(walk, 'forward'); // focus on walk[1]
 */
export function createInspectStore(): InspectStore {
  return new InspectStoreImpl();
}

// Methods are arrow properties: components pass them around unbound.
class InspectStoreImpl implements InspectStore {
  private state = INITIAL;
  private readonly listeners = new Set<() => void>();

  getState = (): InspectState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  focusCell = (nodeId: string, index: number): void => {
    const { focus } = this.state;
    if (focus?.nodeId === nodeId && focus.index === index) return;
    this.set({ ...this.state, focus: { nodeId, index }, playing: false });
  };

  clearFocus = (): void => this.set({ ...this.state, focus: null, playing: false });

  step = (walk: readonly number[], command: StepCommand): void => {
    const { focus, playing } = this.state;
    if (!focus) return;
    const next = stepPlayback(walk, { index: focus.index, playing }, command);
    if (next.index === focus.index && next.playing === playing) return;
    this.set({ ...this.state, focus: { ...focus, index: next.index }, playing: next.playing });
  };

  setSpeed = (speed: number): void => this.set({ ...this.state, speed });

  answer = (nodeId: string, index: number, text: string): void => {
    const answers = new Map(this.state.answers);
    answers.set(nodeId, new Map(this.state.answers.get(nodeId)).set(index, text));
    this.set({ ...this.state, answers });
  };

  show = (nodeId: string, index: number, answeredRight: boolean): void => {
    if (answeredRight || this.state.shown.get(nodeId)?.has(index)) return;
    const shown = new Map(this.state.shown);
    shown.set(nodeId, new Set(this.state.shown.get(nodeId)).add(index));
    this.set({ ...this.state, shown });
  };

  setPaint = (paint: PaintMode): void => this.set({ ...this.state, paint });

  requestEdit = (): void => {
    const { focus, editRequest } = this.state;
    if (!focus) return;
    this.set({ ...this.state, editRequest: { ...focus, seq: (editRequest?.seq ?? 0) + 1 } });
  };

  reset = (): void => this.set({ ...INITIAL, speed: this.state.speed, paint: this.state.paint });

  private set(next: InspectState): void {
    if (next === this.state) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}
