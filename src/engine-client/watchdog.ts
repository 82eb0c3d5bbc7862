/** How often the client pings its engine. */
export const PING_INTERVAL_MS = 500;
/** Ticks without an answer after which an idle engine is declared dead (1.5 s). */
export const IDLE_LIMIT = 3;
/** The same when it may be inside one long node and nothing else can tell (30 s). */
export const BUSY_LIMIT = 60;

/** Repeats `tick` every `ms` milliseconds until the returned function is called. */
export type Every = (ms: number, tick: () => void) => () => void;

export const everyInterval: Every = (ms, tick) => {
  const id = setInterval(tick, ms);
  return () => clearInterval(id);
};

/** The engine as the watchdog sees it. */
export interface Watched {
  /** Ask for an answer; the caller passes it on as `heard()`. */
  ping(): void;
  /** An evaluation is in flight (the first one starts with the engine). */
  busy(): boolean;
  /** The connection reports this engine's death by itself, even in the middle of a node. */
  reportsDeath(): boolean;
}

/**
 * Notices an engine that went away without a word. A dedicated worker that calls
 * `self.close()`, or that the browser kills, fires no error event and drops every message
 * posted to it afterwards; a worker inside one long node answers nothing either, until the
 * node ends (evaluations yield between nodes, so pings are answered there). Told apart by:
 * - order: the worker handles messages first come, first served, so a ping sent while no
 *   evaluation was in flight (the client pings just before asking for one) is answered
 *   before any evaluation can start. Unanswered for `IDLE_LIMIT` ticks, the engine is dead.
 * - a lifeline: when the connection reports death itself (`reportsDeath`: a Web Lock the
 *   worker holds while it lives), silence during an evaluation is never held against the
 *   engine; killing a legitimately long node would only start it again.
 * Without one, silence during an evaluation, or before the engine first answered (its
 * script may still be downloading), is death after `BUSY_LIMIT` ticks, so that a dead
 * engine never leaves the page waiting forever. Silence is counted in the page's own ticks,
 * not by the clock: after a laptop sleeps or a tab is frozen, one late tick does not turn a
 * paused engine into a dead one.
 */
export class Watchdog {
  /** Ticks since the outstanding ping was sent; null when none is outstanding. */
  private unanswered: number | null = null;
  /** Whether an evaluation was in flight when the outstanding ping was sent. */
  private sentWhileBusy = false;
  /** Whether the engine has answered anything yet. */
  private started = false;

  constructor(
    private readonly engine: Watched,
    private readonly onSilent: (reason: string) => void,
  ) {}

  /** Any answer (to a ping, an edit, an evaluation) shows the engine alive. */
  heard(): void {
    this.unanswered = null;
    this.started = true;
  }

  /** Ping now, unless a ping is outstanding already. */
  ping(): void {
    if (this.unanswered !== null) return;
    this.unanswered = 0;
    this.sentWhileBusy = this.engine.busy();
    this.engine.ping();
  }

  tick(): void {
    if (this.unanswered === null) this.ping();
    else if (++this.unanswered >= this.limit()) this.onSilent('the engine stopped answering');
  }

  private limit(): number {
    if (this.started && !this.sentWhileBusy) return IDLE_LIMIT;
    return this.engine.reportsDeath() ? Infinity : BUSY_LIMIT;
  }
}
