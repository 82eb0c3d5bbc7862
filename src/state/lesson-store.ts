import type { ParsedLesson } from '../graph/lesson-parse.ts';
import { stringifyDocument } from '../graph/tensor-data.ts';

/** A learner's answers of one step: node id → output index → what they typed. */
export type StepAnswers = Record<string, Record<string, string>>;

/** What is remembered of a lesson in this browser, under its id. */
export interface LessonProgress {
  /** The step the learner was on (0-based). */
  step: number;
  visited: number[];
  /** By step (0-based, as a string key): the exercise answers typed there. */
  answers: Record<string, StepAnswers>;
}

export interface LessonState {
  lesson: ParsedLesson | null;
  step: number;
  progress: LessonProgress;
  /** Why the step's graph could not be opened, if it could not. */
  error: string | null;
  /** Bumped by "Reset this step": the player loads the step's graph again. */
  resets: number;
  /** The lesson as it was before each authoring edit, newest last (for Undo). */
  undo: ParsedLesson[];
  /** Presenter view: the narration large beside the graph, for a room. */
  presenting: boolean;
  /** How large the presenter view writes (1 = as designed; 0.8 to 2). */
  scale: number;
}

/** The id of the built-in lesson, the deck: it is reopened from the app, not from storage. */
export const BUILT_IN = 'deck';

export interface LessonStore {
  getState(): LessonState;
  subscribe(listener: () => void): () => void;
  /** Open a lesson at `step`, or where this browser left it. */
  open(lesson: ParsedLesson, step?: number): void;
  go(step: number): void;
  /** The answers typed on the current step, remembered with the lesson. */
  recordAnswers(answers: StepAnswers): void;
  /**
   * An authoring edit: the lesson becomes `next` (the built-in one becomes a lesson of the
   * teacher's own, with an id of its own) and the player goes to `step`. Undoable.
   */
  edit(next: ParsedLesson, step: number): void;
  /** Take back the last authoring edit. */
  undoEdit(): void;
  /** Put the step back as the lesson has it: its graph again, its answers forgotten. */
  resetStep(): void;
  failed(error: string | null): void;
  present(on: boolean): void;
  /** Larger or smaller type in the presenter view, by `factor`. */
  zoom(factor: number): void;
  close(): void;
}

const EMPTY: LessonProgress = { step: 0, visited: [], answers: {} };
const CLOSED: LessonState = {
  lesson: null,
  step: 0,
  progress: EMPTY,
  error: null,
  resets: 0,
  undo: [],
  presenting: false,
  scale: 1.25,
};
const keyOf = (id: string) => `convflow.lesson.${id}`;
/** Which lesson was open when the page was left (its id, and its text unless built in). */
export const OPEN_KEY = 'convflow.lesson.open';
/** Largest lesson text kept to reopen after a reload (a link's lesson; the deck is built in). */
const MAX_KEPT_CHARS = 2 * 1024 * 1024;

/** Storage as the store uses it: localStorage, or nothing where it is disabled. */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem'> | null;

/**
 * The lesson being played and the learner's progress, kept per lesson id in `storage`
 * (a damaged or foreign entry is ignored, never trusted).
 */
export function createLessonStore(storage: ProgressStorage): LessonStore {
  let state = CLOSED;
  const listeners = new Set<() => void>();
  const set = (next: LessonState) => {
    state = next;
    for (const l of [...listeners]) l();
  };
  const save = (lesson: ParsedLesson, progress: LessonProgress) => {
    try {
      storage?.setItem(keyOf(lesson.id), JSON.stringify(progress));
    } catch {
      // Full or disabled storage: the lesson plays on, unremembered.
    }
  };
  const load = (lesson: ParsedLesson): LessonProgress => {
    try {
      const raw = JSON.parse(storage?.getItem(keyOf(lesson.id)) ?? 'null') as unknown;
      return checkedProgress(raw, lesson.steps.length);
    } catch {
      return EMPTY;
    }
  };
  /** Which lesson is open, to reopen after a reload (its text unless it is built in). */
  const remember = (lesson: ParsedLesson) => {
    try {
      const text = lesson.id === BUILT_IN ? '' : stringifyDocument(lesson);
      storage?.setItem(
        OPEN_KEY,
        JSON.stringify({ id: lesson.id, text: text.length <= MAX_KEPT_CHARS ? text : '' }),
      );
    } catch {
      // Not remembered: a reload shows the graph without the lesson.
    }
  };
  const at = (lesson: ParsedLesson, step: number, progress: LessonProgress): LessonState => {
    const visited = progress.visited.includes(step)
      ? progress.visited
      : [...progress.visited, step].sort((a, b) => a - b);
    const next = { ...progress, step, visited };
    save(lesson, next);
    return { ...state, lesson, step, progress: next, error: null };
  };
  return {
    getState: () => state,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    edit(next, step) {
      if (!state.lesson) return;
      const own = next.id === BUILT_IN ? { ...next, id: ownId() } : next;
      const undo = [...state.undo, state.lesson].slice(-MAX_UNDO);
      set({ ...at(own, clamp(step, own.steps.length), state.progress), undo });
      remember(own);
    },
    undoEdit() {
      const previous = state.undo[state.undo.length - 1];
      if (!previous) return;
      const undo = state.undo.slice(0, -1);
      set({ ...at(previous, clamp(state.step, previous.steps.length), state.progress), undo });
      remember(previous);
    },
    open(lesson, step) {
      const progress = load(lesson);
      remember(lesson);
      const start = step ?? progress.step;
      set({ ...at(lesson, clamp(start, lesson.steps.length), progress), undo: [] });
    },
    go(step) {
      if (!state.lesson) return;
      set(at(state.lesson, clamp(step, state.lesson.steps.length), state.progress));
    },
    recordAnswers(answers) {
      if (!state.lesson) return;
      const progress = {
        ...state.progress,
        answers: { ...state.progress.answers, [String(state.step)]: answers },
      };
      save(state.lesson, progress);
      set({ ...state, progress });
    },
    resetStep() {
      if (!state.lesson) return;
      const answers = { ...state.progress.answers };
      delete answers[String(state.step)];
      const progress = { ...state.progress, answers };
      save(state.lesson, progress);
      set({ ...state, progress, resets: state.resets + 1 });
    },
    failed: (error) => set({ ...state, error }),
    present: (on) => set({ ...state, presenting: on && state.lesson !== null }),
    zoom: (factor) =>
      set({
        ...state,
        scale: Math.min(2, Math.max(0.8, Math.round(state.scale * factor * 100) / 100)),
      }),
    close() {
      try {
        storage?.setItem(OPEN_KEY, 'null');
      } catch {
        // Nothing to forget.
      }
      set(CLOSED);
    },
  };
}

/** Authoring edits kept for Undo. */
const MAX_UNDO = 100;

/** An id for a teacher's own lesson, made from the built-in one. */
function ownId(): string {
  return `lesson-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

function clamp(step: number, count: number): number {
  return Number.isInteger(step) ? Math.min(Math.max(step, 0), count - 1) : 0;
}

/** Progress read back from storage, keeping only what is well formed and in range. */
function checkedProgress(raw: unknown, steps: number): LessonProgress {
  if (typeof raw !== 'object' || raw === null) return EMPTY;
  const r = raw as Partial<LessonProgress>;
  const inRange = (n: unknown): n is number =>
    Number.isInteger(n) && (n as number) >= 0 && (n as number) < steps;
  const answers: Record<string, StepAnswers> = {};
  if (typeof r.answers === 'object' && r.answers !== null)
    for (const [step, byNode] of Object.entries(r.answers)) {
      if (!inRange(Number(step)) || typeof byNode !== 'object' || byNode === null) continue;
      const clean: StepAnswers = {};
      for (const [node, cells] of Object.entries(byNode as object)) {
        if (node === '__proto__' || typeof cells !== 'object' || cells === null) continue;
        clean[node] = Object.fromEntries(
          Object.entries(cells as object).filter(
            ([i, text]) =>
              Number.isInteger(Number(i)) && typeof text === 'string' && text.length <= 64,
          ),
        ) as Record<string, string>;
      }
      answers[step] = clean;
    }
  return {
    step: inRange(r.step) ? r.step : 0,
    visited: Array.isArray(r.visited) ? r.visited.filter(inRange) : [],
    answers,
  };
}
