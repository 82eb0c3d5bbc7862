import type { Message } from '../i18n/translate.ts';
import type { EngineWorkerApi } from '../../workers/engine.worker.ts';
import type { ApplyResult, WireReport } from '../engine/api.ts';
import type { EditorStore } from '../state/editor-store.ts';
import type { EditsEvent } from '../state/types.ts';
import type { Asynchronous } from './asynchronous.ts';
import { everyInterval, PING_INTERVAL_MS, Watchdog, type Every } from './watchdog.ts';

/**
 * The engine's API as the page calls it, derived from the worker's own type.
 */
export type EngineRemote = Asynchronous<
  Pick<EngineWorkerApi, 'load' | 'apply' | 'evaluate' | 'ping' | 'release'>
>;

export interface EngineConnection {
  remote: EngineRemote;
  terminate(): void;
  /** True once the connection calls `onCrash` by itself when the engine dies, even mid-node. */
  reportsDeath?(): boolean;
}

/** Starts an engine; `onCrash` is called if it dies on its own. */
export type ConnectEngine = (onCrash: (reason: string) => void) => EngineConnection;

export interface EngineClient {
  /** Connect, load the store's document and evaluate it; then follow every dispatch. */
  start(): void;
  /** Throw the engine away and start a fresh one on the current document. */
  restart(notice?: Message): void;
  dispose(): void;
}

export const RESTART_NOTICE: Message = { key: 'notice.restarted' };
/** After the user's own "Restart engine". */
export const MANUAL_RESTART_NOTICE: Message = { key: 'notice.restartedByYou' };
/** After the watchdog gave up waiting for an answer. */
export const SILENT_RESTART_NOTICE: Message = { key: 'notice.stoppedAnswering' };
/** Crashes in a row, without a report between them, before giving up on restarting. */
const MAX_CRASHES = 3;

export interface EngineClientOptions {
  /** The timer the watchdog's pings run on; `setInterval` by default. */
  every?: Every;
}

/**
 * Keeps an engine in step with the store. Edits are applied as they come (cheap); at most
 * one evaluation is in flight, and edits arriving meanwhile ask for one more after it, so
 * fast typing never builds a backlog. A report older than one already shown is dropped.
 */
export function createEngineClient(
  store: EditorStore,
  connect: ConnectEngine,
  options: EngineClientOptions = {},
): EngineClient {
  return new ClientImpl(store, connect, options.every ?? everyInterval);
}

class ClientImpl implements EngineClient {
  private connection: EngineConnection | null = null;
  /** Bumped on every (re)start: answers from an older engine are ignored. */
  private generation = 0;
  private evaluating = false;
  private wanted = false;
  private crashes = 0;
  private unsubscribe: (() => void) | null = null;
  private watchdog: Watchdog | null = null;
  private stopPinging: (() => void) | null = null;
  /** Leases of the engine's shared outputs that the store shows (WireOutput.lease). */
  private leases = new Set<number>();
  /** Leases the store stopped showing at the last report: given back at the next. */
  private replaced: number[] = [];

  constructor(
    private readonly store: EditorStore,
    private readonly connect: ConnectEngine,
    private readonly every: Every,
  ) {}

  start(): void {
    if (this.unsubscribe) return;
    this.follow();
    this.crashes = 0;
    this.boot();
  }

  restart(notice?: Message): void {
    this.follow();
    this.crashes = 0;
    this.replace(notice);
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.stop();
  }

  private follow(): void {
    this.unsubscribe ??= this.store.onEdits((event) => this.send(event));
  }

  private current(gen: number): boolean {
    return gen === this.generation && this.connection !== null;
  }

  private failed(gen: number, reason: unknown, notice = RESTART_NOTICE): void {
    if (!this.current(gen)) return;
    if (++this.crashes <= MAX_CRASHES) {
      this.replace(notice);
      return;
    }
    this.stop();
    this.store.setEngine('failed');
    this.store.pushNotice('error', {
      key: 'notice.keepsFailing',
      params: { reason: describe(reason) },
    });
  }

  /** The engine of this generation answered something: it is alive. */
  private heard(gen: number): void {
    if (this.current(gen)) this.watchdog?.heard();
  }

  private acknowledge(gen: number, result: ApplyResult): void {
    if (!this.current(gen)) return;
    this.heard(gen);
    // The store validated these edits already, so the engine disagreeing means it is out of step.
    if (!result.ok) this.failed(gen, result.error);
  }

  /**
   * The engine has the graph: it is up ("engine ready"), and the status bar says what it
   * is computing, rather than "starting" through a long first evaluation.
   */
  private loaded(gen: number, result: ApplyResult): void {
    this.acknowledge(gen, result);
    if (result.ok && this.current(gen) && this.store.getState().engine !== 'ready')
      this.store.setEngine('ready');
  }

  private send(event: EditsEvent): void {
    if (!this.connection) return;
    const gen = this.generation;
    this.connection.remote.apply([...event.edits], event.revision).then(
      (result) => this.acknowledge(gen, result),
      (error: unknown) => this.failed(gen, error),
    );
    if (event.needsEvaluation) this.requestEvaluation();
  }

  private requestEvaluation(): void {
    if (!this.connection) return;
    if (this.evaluating) {
      this.wanted = true;
      return;
    }
    // Answered before the evaluation starts, if the engine lives: see Watchdog.
    this.watchdog?.ping();
    this.evaluating = true;
    this.wanted = false;
    const gen = this.generation;
    this.connection.remote.evaluate().then(
      (report) => this.delivered(gen, report),
      (error: unknown) => this.failed(gen, error),
    );
  }

  private delivered(gen: number, report: WireReport | null): void {
    if (!this.current(gen)) return;
    this.heard(gen);
    this.evaluating = false;
    if (report) {
      this.crashes = 0;
      this.store.receiveReport(report.revision, report);
      this.returnLeases(gen, report);
    }
    // Null means newer edits superseded this run: their work is still to be delivered.
    if (this.wanted || report === null) this.requestEvaluation();
  }

  /**
   * Give the engine back the shared outputs the store stopped showing one report ago: those
   * a newer output replaced, those of removed nodes, and any of a report the store did not
   * take. One report late, because what was shown just before stays in use a little longer
   * (a heatmap outlines the cells that changed from it, after the paint; React runs that
   * before it renders the next report).
   */
  private returnLeases(gen: number, report: WireReport): void {
    const shown = new Set<number>();
    for (const result of this.store.getState().results.values())
      if (result.output?.lease !== undefined) shown.add(result.output.lease);
    const done = this.replaced;
    this.replaced = [...this.leases].filter((lease) => !shown.has(lease));
    for (const o of report.outputs)
      if (o.lease !== undefined && !shown.has(o.lease)) this.replaced.push(o.lease);
    this.leases = shown;
    if (done.length > 0 && this.current(gen))
      void this.connection!.remote.release(done).catch(() => undefined);
  }

  private boot(): void {
    const gen = ++this.generation;
    this.leases.clear();
    this.replaced = [];
    this.evaluating = false;
    this.wanted = false;
    this.connection = this.connect((reason) => this.failed(gen, reason));
    this.watch(gen, this.connection);
    const { doc, revision } = this.store.getState();
    this.store.markAllBusy();
    this.connection.remote.load(doc, revision).then(
      (result) => this.loaded(gen, result),
      (error: unknown) => this.failed(gen, error),
    );
    this.requestEvaluation();
  }

  /** Ping this generation's engine until it stops; silence restarts it like a crash. */
  private watch(gen: number, connection: EngineConnection): void {
    const engine = {
      ping: () =>
        connection.remote.ping().then(
          () => this.heard(gen),
          (error: unknown) => this.failed(gen, error),
        ),
      busy: () => this.evaluating,
      reportsDeath: () => connection.reportsDeath?.() ?? false,
    };
    const watchdog = new Watchdog(engine, (reason) =>
      this.failed(gen, reason, SILENT_RESTART_NOTICE),
    );
    this.watchdog = watchdog;
    this.stopPinging = this.every(PING_INTERVAL_MS, () => watchdog.tick());
  }

  private stop(): void {
    this.stopPinging?.();
    this.stopPinging = null;
    this.watchdog = null;
    this.connection?.terminate();
    this.connection = null;
    this.generation++;
  }

  private replace(notice?: Message): void {
    this.stop();
    this.store.setEngine('restarting');
    if (notice) this.store.pushNotice('restart', notice);
    this.boot();
  }
}

function describe(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  return typeof reason === 'string' ? reason : 'unknown error';
}
