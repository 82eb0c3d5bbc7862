import type { Message } from '../i18n/translate.ts';
import type { WireOutput } from '../engine/api.ts';
import type { GraphEdit } from '../graph/edits.ts';
import type { NodeShape } from '../graph/shape-inference.ts';
import type { GraphDocument } from '../graph/types.ts';

/** The latest computed result of one node. */
export interface NodeResult {
  /** Absent when the node could not be computed. */
  output?: WireOutput;
  /** Milliseconds its last computation took. */
  ms: number;
  /** The store revision whose report delivered it. */
  revision: number;
}

export interface Selection {
  nodes: readonly string[];
  edges: readonly { source: string; target: string }[];
}

export interface EvaluationStatus {
  recomputed: number;
  nodeCount: number;
  elapsedMs: number;
}

/** `info` confirms something that went well (a copied link) or offers a way back. */
export type NoticeKind = 'error' | 'restart' | 'info';

/** A button in a notice; pressing it runs `run` and dismisses the notice. */
export interface NoticeAction {
  label: Message;
  run(): void;
}

export interface Notice {
  id: number;
  kind: NoticeKind;
  /** Plain text (e.g. an engine or schema message), or a catalogue message translated when shown. */
  message: string | Message;
  action?: NoticeAction;
}

export type EngineState = 'starting' | 'ready' | 'restarting' | 'failed';

/** Everything the UI shows. Replaced, never mutated, so selectors can compare by identity. */
export interface EditorState {
  /** The graph: the source of truth. The engine holds a copy it receives as edits. */
  doc: GraphDocument;
  /** Counts accepted dispatches; a report carries the revision it reflects. */
  revision: number;
  /** Counts whole documents loaded (a preset, later a file or a link): the view fits each. */
  loads: number;
  /** Shapes inferred from `doc`, for instant labels, parameter counts and node errors. */
  shapes: ReadonlyMap<string, NodeShape>;
  results: ReadonlyMap<string, NodeResult>;
  /** Errors the engine reported (including failures shape inference cannot foresee). */
  engineErrors: ReadonlyMap<string, string>;
  /** Node id → the revision whose report settles it. */
  busy: ReadonlyMap<string, number>;
  /** Revision of the newest report shown; older reports are dropped. */
  shownRevision: number;
  selection: Selection;
  status: EvaluationStatus | null;
  notices: readonly Notice[];
  engine: EngineState;
}

export type DispatchResult = { ok: true; revision: number } | { ok: false; error: string };

/** What the engine client hears about each accepted dispatch. */
export interface EditsEvent {
  /** The edits as checked (`EditOutcome.applied`): what the engine applies without a schema. */
  edits: readonly GraphEdit[];
  revision: number;
  /** False for edits that change nothing the engine computes (moving nodes). */
  needsEvaluation: boolean;
  /** The batch is one undo step of its own (see DispatchOptions.separateStep). */
  separateStep?: boolean;
}
