import type { Page, Worker } from 'playwright-core';

/** What the page-side probe collects; its times are the page's `performance.now()`. */
export interface BenchProbe {
  draws: Record<string, number>;
  lastDraw: Record<string, number>;
  frames: number[];
  /** Main-thread tasks over 50 ms (PerformanceObserver 'longtask'). */
  longTasks: { start: number; duration: number }[];
  /** When the last pointerup was created (its event's timeStamp): a stroke's commit. */
  lastPointerUp: number;
  /** What the app wrote where a page keeps state: the address bar, localStorage, IndexedDB. */
  writes: { what: string; at: number }[];
  /** Status line texts since `reportBaseline`, as they were written. */
  statusLog?: { at: number; text: string }[];
  statusObserver?: MutationObserver;
}

/**
 * Installed before the app: counts canvas repaints per node, timestamps every frame, records
 * every main-thread task over 50 ms, and notes each pointerup.
 */
export function installProbes(): void {
  const w = window as unknown as { __bench: BenchProbe };
  const probe: BenchProbe = {
    draws: {},
    lastDraw: {},
    frames: [],
    longTasks: [],
    lastPointerUp: 0,
    writes: [],
  };
  w.__bench = probe;
  const noteWrites = (proto: object, method: string, what: string) => {
    const target = proto as Record<string, (...args: unknown[]) => unknown>;
    const original = target[method];
    if (!original) return;
    target[method] = function (this: unknown, ...args: unknown[]) {
      probe.writes.push({ what, at: performance.now() });
      return original.apply(this, args);
    };
  };
  noteWrites(History.prototype, 'replaceState', 'address bar');
  noteWrites(Storage.prototype, 'setItem', 'localStorage');
  noteWrites(IDBObjectStore.prototype, 'put', 'IndexedDB');
  noteWrites(IDBObjectStore.prototype, 'add', 'IndexedDB');
  const original = CanvasRenderingContext2D.prototype.putImageData;
  CanvasRenderingContext2D.prototype.putImageData = function (
    this: CanvasRenderingContext2D,
    ...args: Parameters<CanvasRenderingContext2D['putImageData']>
  ) {
    original.apply(this, args);
    const id = (this.canvas.getAttribute('aria-label') ?? '').split(' ')[0] ?? '';
    probe.draws[id] = (probe.draws[id] ?? 0) + 1;
    probe.lastDraw[id] = performance.now();
  } as CanvasRenderingContext2D['putImageData'];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    probe.frames.push(performance.now());
    if (probe.frames.length > 4096) probe.frames.splice(0, 2048);
  };
  const loop = () => {
    channel.port2.postMessage(0);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('pointerup', (e) => (probe.lastPointerUp = e.timeStamp), { capture: true });
}

/** The page's clock now. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** The longest main-thread task that overlaps [from, to] (page clock), 0 if none over 50 ms. */
export async function longestTask(page: Page, from: number, to: number): Promise<number> {
  // A task that just ended is delivered to the observer a little later.
  const tasks = await page.evaluate(async () => {
    await new Promise((r) => setTimeout(r, 50));
    return (window as unknown as { __bench: BenchProbe }).__bench.longTasks;
  });
  const overlapping = tasks.filter((t) => t.start < to && t.start + t.duration > from);
  return Math.max(0, ...overlapping.map((t) => t.duration));
}

/** Calls into the engine worker and replies out of it, matched by comlink's message id. */
interface WorkerLog {
  /** Arrivals: `start` is the message event's timeStamp, taken when its task began. */
  calls: { id: string; path: string; start: number }[];
  /** Replies: when `postMessage` returned, and the outputs an evaluate reply carried. */
  replies: { id: string; end: number; outputs: number }[];
}

/**
 * Installed in the engine worker (its own clock). A listener added now runs after comlink's,
 * by which time a synchronous call (apply) has already replied; so a call's start is its
 * event's timeStamp, set when the worker began dispatching it. Replies are timed by wrapping
 * `postMessage`, which comlink calls for each.
 */
function installWorkerProbe(): void {
  type Message = { id?: string; type?: string; path?: string[]; value?: { outputs?: unknown[] } };
  const scope = globalThis as unknown as {
    __workerBench?: WorkerLog;
    postMessage: (message: unknown, transfer?: Transferable[]) => void;
    addEventListener: typeof addEventListener;
  };
  if (scope.__workerBench) return;
  const log: WorkerLog = (scope.__workerBench = { calls: [], replies: [] });
  const trim = (xs: unknown[]) => xs.length > 4096 && xs.splice(0, 2048);
  scope.addEventListener('message', (e) => {
    const m = (e as MessageEvent).data as Message | null;
    if (m?.type !== 'APPLY' || !m.id) return;
    log.calls.push({ id: m.id, path: (m.path ?? []).join('.'), start: e.timeStamp });
    trim(log.calls);
  });
  const post = scope.postMessage.bind(scope);
  scope.postMessage = (message: unknown, transfer?: Transferable[]) => {
    post(message, transfer ?? []);
    const m = message as Message | null;
    if (!m?.id) return;
    log.replies.push({ id: m.id, end: performance.now(), outputs: m.value?.outputs?.length ?? 0 });
    trim(log.replies);
  };
}

/**
 * Follows the page's engine worker (the newest one, if it is restarted): `ready` resolves
 * once the probe is in, `take()` returns and forgets the worker time of the edits since the
 * last call: from the first `apply` arriving to the last `evaluate` reply with outputs leaving.
 */
export function watchWorker(page: Page) {
  let current: Worker | null = null;
  let ready: Promise<void> = new Promise((resolve) => {
    page.on('worker', (worker) => {
      // The engine's, not the persistence worker the page starts for its first save.
      if (!worker.url().includes('engine.worker')) return;
      current = worker;
      // tsx compiles with keepNames: functions sent to the worker call its `__name` helper.
      ready = worker
        .evaluate('globalThis.__name = (f) => f')
        .then(() => worker.evaluate(installWorkerProbe))
        .then(resolve);
    });
  });
  return {
    ready: () => ready,
    /** Worker milliseconds of the edit(s) since the last call, NaN if none was seen. */
    async take(): Promise<number> {
      if (!current) return NaN;
      const log = await current.evaluate(() => {
        const l = (globalThis as unknown as { __workerBench?: WorkerLog }).__workerBench;
        return { calls: l?.calls.splice(0) ?? [], replies: l?.replies.splice(0) ?? [] };
      });
      const reply = new Map(log.replies.map((r) => [r.id, r]));
      const applies = log.calls.filter((c) => c.path === 'apply');
      const reports = log.calls
        .filter((c) => c.path === 'evaluate')
        .map((c) => reply.get(c.id))
        .filter((r) => r !== undefined && r.outputs > 0);
      if (!applies.length || !reports.length) return NaN;
      return Math.max(...reports.map((r) => r!.end)) - Math.min(...applies.map((c) => c.start));
    },
  };
}

/** What `waitForReport` gives back: page-clock times and the status line it waited for. */
export interface ReportSeen {
  /** When the status line showed the report. */
  reportAt: number;
  /** The last repaint of the watched node's canvases, or `reportAt`. */
  drawnAt: number;
  /** The end of the first frame after both. */
  frameAt: number;
  status: string;
}

/**
 * In the page: wait until the status line matches `pattern` (text other than `before`, or
 * the same text once `node`'s canvases have all been repainted since `drawsBefore`), then
 * for the end of the next frame. `node` null: do not wait for repaints.
 */
export function waitForReport(args: {
  pattern: string;
  before: string;
  node: string | null;
  drawsBefore: number;
  timeoutMs: number;
}): Promise<ReportSeen | string> {
  const probe = (window as unknown as { __bench: BenchProbe }).__bench;
  const status = document.querySelector('[role="status"]')!;
  const re = new RegExp(args.pattern);
  const canvases = args.node
    ? document.querySelectorAll(`canvas[aria-label^="${args.node} "]`).length
    : 0;
  const start = performance.now();
  let reportAt = 0;
  const done = () => probe.statusObserver?.disconnect();
  return new Promise((resolve) => {
    const check = () => {
      const text = status.textContent ?? '';
      const drawn = !args.node || (probe.draws[args.node] ?? 0) - args.drawsBefore >= canvases;
      // When the status changed, from the observer; the same text again leaves the DOM alone,
      // so then the repaint says the report came.
      reportAt ||= probe.statusLog?.find((e) => re.test(e.text) && e.text !== args.before)?.at ?? 0;
      if (!reportAt && args.node && drawn && re.test(text)) reportAt = performance.now();
      if (reportAt && drawn) {
        const drawnAt = args.node ? Math.max(reportAt, probe.lastDraw[args.node] ?? 0) : reportAt;
        const frameAt = probe.frames.find((t) => t > drawnAt);
        if (frameAt !== undefined) {
          done();
          return resolve({ reportAt, drawnAt, frameAt, status: text });
        }
      }
      if (performance.now() - start > args.timeoutMs) {
        done();
        return resolve(`timeout: status "${text}", ${args.node} canvases ${canvases}`);
      }
      setTimeout(check, 1);
    };
    check();
  });
}

/**
 * Before an edit: the status line's text and `node`'s repaint count now, and an observer that
 * notes when the status line changes, for `waitForReport` to wait from.
 */
export function reportBaseline(node: string | null): { before: string; drawsBefore: number } {
  const probe = (window as unknown as { __bench: BenchProbe }).__bench;
  const status = document.querySelector('[role="status"]')!;
  const log: { at: number; text: string }[] = (probe.statusLog = []);
  probe.statusObserver?.disconnect();
  probe.statusObserver = new MutationObserver(() =>
    log.push({ at: performance.now(), text: status.textContent ?? '' }),
  );
  probe.statusObserver.observe(status, { childList: true, characterData: true, subtree: true });
  return {
    before: document.querySelector('[role="status"]')?.textContent ?? '',
    drawsBefore: node ? (probe.draws[node] ?? 0) : 0,
  };
}

/** The app writes the address bar and the autosave after this much quiet (PERSIST_DELAY_MS). */
const PERSIST_DELAY_MS = 400;
/** How long the pause after the last edit is watched: the save's delay and a margin. */
export const PAUSE_MS = PERSIST_DELAY_MS + 1100;

/** The distinct places the app wrote to between `from` and `to` (page clock), in order. */
export async function writesBetween(page: Page, from: number, to: number): Promise<string[]> {
  const writes = await page.evaluate(
    ([a, b]) =>
      (window as unknown as { __bench: BenchProbe }).__bench.writes
        .filter((w) => w.at >= a! && w.at <= b!)
        .map((w) => w.what),
    [from, to],
  );
  return [...new Set(writes)];
}

/**
 * Sit through the pause after the last edit (`from`, page clock), while the app writes the
 * address bar and the autosave: the longest main-thread task in it, and what was written.
 */
export async function afterPause(page: Page, from: number) {
  await page.waitForTimeout(PAUSE_MS);
  const to = await pageNow(page);
  return {
    pauseMs: to - from,
    longestTaskMs: await longestTask(page, from, to),
    /** Distinct places written to during the pause, in order. */
    written: await writesBetween(page, from, to),
    /** The error notices showing after it ("… no longer saved in this browser …"). */
    notices: await page.locator('[role="alert"].cf-notice-error').allTextContents(),
  };
}

/** "address bar, localStorage", or "nothing": what a pause wrote, and the notices after it. */
export function writtenText(pause: { written: string[]; notices: string[] }): string {
  const written = pause.written.length ? pause.written.join(', ') : 'nothing';
  return pause.notices.length ? `${written}; notices: "${pause.notices.join('", "')}"` : written;
}
