import type { ApplyResult, WireReport } from '../engine/api.ts';
import type { GraphEdit } from '../graph/edits.ts';
import type { EditorStore } from '../state/editor-store.ts';
import type { EditsEvent } from '../state/types.ts';

/** The engine's API as seen across the boundary: every call is asynchronous. */
export interface EngineRemote {
  load(doc: unknown): Promise<ApplyResult>;
  apply(edits: GraphEdit[]): Promise<ApplyResult>;
  evaluate(): Promise<WireReport | null>;
}

export interface EngineConnection {
  remote: EngineRemote;
  terminate(): void;
}

/** Starts an engine; `onCrash` is called if it dies on its own. */
export type ConnectEngine = (onCrash: (reason: string) => void) => EngineConnection;

export interface EngineClient {
  /** Connect, load the store's document and evaluate it; then follow every dispatch. */
  start(): void;
  /** Throw the engine away and start a fresh one on the current document. */
  restart(notice?: string): void;
  dispose(): void;
}

export const RESTART_NOTICE = 'The engine stopped and was restarted; your graph was recomputed.';
/** Crashes in a row, without a report between them, before giving up on restarting. */
const MAX_CRASHES = 3;

/**
 * Keeps an engine in step with the store. Edits are applied as they come (cheap); at most
 * one evaluation is in flight, and edits arriving meanwhile ask for one more after it, so
 * fast typing never builds a backlog. A report older than one already shown is dropped.
 */
export function createEngineClient(store: EditorStore, connect: ConnectEngine): EngineClient {
  let connection: EngineConnection | null = null;
  /** Bumped on every (re)start: answers from an older engine are ignored. */
  let generation = 0;
  /** Engine epoch → the store revision it reflects, for this generation. */
  let revisionOf = new Map<number, number>();
  let evaluating = false;
  let wanted = false;
  let crashes = 0;
  let unsubscribe: (() => void) | null = null;

  function current(gen: number): boolean {
    return gen === generation && connection !== null;
  }

  function failed(gen: number, reason: unknown): void {
    if (!current(gen)) return;
    crashes++;
    if (crashes > MAX_CRASHES) {
      stop();
      store.setEngine('failed');
      const message = `The engine keeps failing (${describe(reason)}). Press "Restart engine" to try again.`;
      store.pushNotice('error', message);
      return;
    }
    restart(RESTART_NOTICE);
  }

  function acknowledge(gen: number, revision: number, result: ApplyResult): void {
    if (!current(gen)) return;
    if (result.ok) revisionOf.set(result.epoch, revision);
    // The store validated these edits already, so the engine disagreeing means it is out of step.
    else failed(gen, result.error);
  }

  function send(event: EditsEvent): void {
    if (!connection) return;
    const gen = generation;
    connection.remote.apply([...event.edits]).then(
      (result) => acknowledge(gen, event.revision, result),
      (error: unknown) => failed(gen, error),
    );
    if (event.needsEvaluation) requestEvaluation();
  }

  function requestEvaluation(): void {
    if (!connection) return;
    if (evaluating) {
      wanted = true;
      return;
    }
    evaluating = true;
    wanted = false;
    const gen = generation;
    connection.remote.evaluate().then(
      (report) => delivered(gen, report),
      (error: unknown) => failed(gen, error),
    );
  }

  function delivered(gen: number, report: WireReport | null): void {
    if (!current(gen)) return;
    evaluating = false;
    if (report) {
      crashes = 0;
      const revision = revisionOf.get(report.epoch);
      for (const epoch of revisionOf.keys()) if (epoch < report.epoch) revisionOf.delete(epoch);
      if (revision !== undefined) store.receiveReport(revision, report);
    }
    // Null means newer edits superseded this run: their work is still to be delivered.
    if (wanted || report === null) requestEvaluation();
  }

  function boot(): void {
    generation++;
    revisionOf = new Map();
    evaluating = false;
    wanted = false;
    const gen = generation;
    connection = connect((reason) => failed(gen, reason));
    const { doc, revision } = store.getState();
    store.markAllBusy();
    connection.remote.load(doc).then(
      (result) => acknowledge(gen, revision, result),
      (error: unknown) => failed(gen, error),
    );
    requestEvaluation();
  }

  function stop(): void {
    connection?.terminate();
    connection = null;
    generation++;
  }

  function restart(notice?: string): void {
    stop();
    store.setEngine('restarting');
    if (notice) store.pushNotice('restart', notice);
    boot();
  }

  return {
    start() {
      if (unsubscribe) return;
      unsubscribe = store.onEdits(send);
      crashes = 0;
      boot();
    },
    restart(notice) {
      unsubscribe ??= store.onEdits(send);
      crashes = 0;
      restart(notice);
    },
    dispose() {
      unsubscribe?.();
      unsubscribe = null;
      stop();
    },
  };
}

function describe(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  return typeof reason === 'string' ? reason : 'unknown error';
}
