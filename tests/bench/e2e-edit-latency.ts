/**
 * Edit-to-heatmap latency in Chromium, main-thread long tasks, the engine worker's time per
 * edit, and its heap across 1,000 edits (issues 6 and 11). Not a test:
 *
 *   npm run bench:e2e [-- --json] [--out file.json] [--only SCENARIO] [--edits 20]
 *     [--side 224] [--input-cell-edits 20] [--heap-edits 1000] [--heap-side 56]
 *     [--big-dense] [--big-dense-edits 5]
 *
 * Scenarios (`--only latency|slides|input|heap|big-dense|training` runs one):
 * - latency: the pipeline graph (Input side×side×3 → Conv2D 16 → MaxPool → Conv2D 32) opened
 *   by a `#graph=` link; `--edits` toggles of the first Conv2D's `activation` select (relu ↔
 *   linear, recomputes c1, p and c2), then the pause in which the app saves.
 * - slides: the 9-node slide graph, its first evaluation and `--edits` whole re-evaluations.
 * - input: `--input-cell-edits` one-pixel dots on the same graph's Input, through its drawing
 *   pad with a brush of 1 (at 224×224 the Input's values cannot be typed cell by cell; a dot
 *   changes one pixel's 3 values, checked from the autosave), then the pause. 0 skips it.
 * - heap: the engine worker's heap across `--heap-edits` edits, on Input `--heap-side`.
 * - big-dense (only with `--big-dense` or `--only big-dense`; about 2 minutes here): Input
 *   96×96×1 → Flatten → Dense 1024 with 9.4 M explicit weights, imported from a 43 MiB file
 *   through "Import .json", `--big-dense-edits` activation toggles, the pause, then a reload:
 *   is the graph back?
 * - training: the "Learn to read digits" LeNet trained `--train-epochs` (3) epochs by the
 *   Train panel, against the CLI's engine on the same steps in this process; the page's
 *   long tasks and longest frame while it trains (e2e-training.ts).
 *
 * Edit-to-heatmap, per edit: from `performance.now()` just before the select's value is set
 * and `change` dispatched (for a dot, the pointerup's timeStamp), to the end of the first
 * animation frame (a rAF callback, then a posted message, i.e. after that frame's paint) that
 * begins after both (a) the status line shows the new report and (b) the last node's canvases
 * have been repainted (`putImageData`, counted by a hook installed before the app loads): at
 * least one drawn, then a whole frame with none (a map repaints only what changed, so a
 * channel the edit left alone is not drawn).
 *
 * Long tasks: a PerformanceObserver for 'longtask' (buffered), installed before the app loads;
 * the longest one during the timed edits, and during the pause after the last edit (the app
 * writes the address bar and the autosave 400 ms after the last edit; the pause watched is
 * 1.5 s). What was written in it (history.replaceState, localStorage.setItem, IndexedDB put)
 * is recorded by the same hooks.
 *
 * Worker time, per edit: a probe in the engine worker (installed through Playwright's worker
 * handle) from the `apply` message's event timeStamp to the return of the `postMessage` that
 * sends the `evaluate` report (outputs lent in shared memory: `vite preview` serves the app
 * cross-origin isolated). The status line's `in … ms`
 * is only the recomputed nodes' own times.
 *
 * The heap check runs on Input 56×56×3 by default, about 25 s on the 2-core VM (about 80 s
 * with `--heap-side 224`); below 56 the c2 maps (16×16 or less) are drawn as grids of
 * cells, not canvases, and the repaint probe sees none.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from 'playwright-core';
import { encodePlainGraphLink } from '../../src/graph/link-codec.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.ts';
import { bigDenseScenario, formatBigDense } from './e2e-big-dense.ts';
import { formatTraining, trainingScenario } from './e2e-training.ts';
import { openGraph } from './e2e-graphs.ts';
import { formatInputCell, inputCellEdits } from './e2e-input-cell.ts';
import {
  afterPause,
  writtenText,
  installProbes,
  longestTask,
  watchWorker,
  type BenchProbe,
} from './e2e-probes.ts';
import { nineNodeSlideGraph } from './slide-graph.ts';

const ROOT = join(import.meta.dirname, '../..');
/** Heap "returned to where it started": within this many bytes, or this fraction, of start. */
const HEAP_TOLERANCE_BYTES = 1024 * 1024;
const HEAP_TOLERANCE_FRACTION = 0.05;

interface Options {
  json: boolean;
  edits: number;
  heapEdits: number;
  side: number;
  heapSide: number;
  /** One-pixel edits of the Input on the drawing pad (0: skip). */
  inputCellEdits: number;
  /** Activation toggles on the big Dense graph (0: skip, the default). */
  bigDenseEdits: number;
  /** Epochs of the training scenario. */
  trainEpochs: number;
  /** Run only this scenario: latency, slides, input, heap, big-dense or training. */
  only: string | undefined;
  out: string | undefined;
}

const SCENARIOS = ['latency', 'slides', 'input', 'heap', 'big-dense', 'training'];

function options(argv: string[]): Options {
  const num = (flag: string, fallback: number) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const text = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const only = text('--only');
  if (only !== undefined && !SCENARIOS.includes(only))
    throw new Error(`--only: expected one of ${SCENARIOS.join(', ')}`);
  const bigDense = argv.includes('--big-dense') || only === 'big-dense';
  return {
    json: argv.includes('--json'),
    edits: num('--edits', 20),
    heapEdits: num('--heap-edits', 1000),
    side: num('--side', 224),
    heapSide: num('--heap-side', 56),
    inputCellEdits: num('--input-cell-edits', 20),
    bigDenseEdits: bigDense ? num('--big-dense-edits', 5) : 0,
    trainEpochs: num('--train-epochs', 3),
    only,
    out: text('--out'),
  };
}

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

/** `vite build` unless dist/ is newer than src/, workers/ and index.html. */
function buildIfNeeded(log: (s: string) => void): void {
  const built = join(ROOT, 'dist/index.html');
  const sources = ['src', 'workers', 'index.html', 'vite.config.ts'].map((p) => join(ROOT, p));
  if (existsSync(built) && statSync(built).mtimeMs > Math.max(...sources.map(newestMtime))) {
    log('dist/ is up to date');
    return;
  }
  log('building: npm run build:wasm && vite build');
  for (const args of [
    ['run', '--silent', 'build:wasm'],
    ['vite', 'build'],
  ]) {
    const cmd = args[0] === 'run' ? 'npm' : 'npx';
    const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function startPreview(port: number): Promise<ChildProcess> {
  const args = ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'];
  const child = spawn('npx', args, { cwd: ROOT, stdio: 'ignore', detached: true });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('vite preview did not start');
}

interface EditSample {
  /** Edit → end of the first frame after the report and the last c2 repaint. */
  ms: number;
  /** Edit → the status line shows the report (the page has received it). */
  reportMs: number;
  /** Edit → the last of c2's canvases repainted (putImageData returned). */
  drawnMs: number;
  workerMs: number;
  status: string;
  /** Page clock: the edit's start and the end of its frame. */
  startAt: number;
  endAt: number;
}

/**
 * One edit, timed inside the page: toggle c1's activation, wait for the new status and for
 * c2's canvases to be repainted, then for the end of the next frame after both. A map repaints
 * only the cells that changed, and a channel that did not change (all zeros both ways) is not
 * drawn at all: the repaint is over once a whole frame has passed with no c2 canvas drawn.
 */
function editInPage(): Promise<EditSample | string> {
  const probe = (window as unknown as { __bench: BenchProbe }).__bench;
  // Found afresh each time: the node card may be mounted again after the page loads, and a
  // handle taken before would point to a detached select that no longer edits anything.
  const card = document.querySelector('section[aria-label="Conv2D c1"]');
  const select = [...(card?.querySelectorAll('select') ?? [])].find(
    (s) => s.closest('label')?.querySelector('.cf-field-name')?.textContent === 'activation',
  );
  if (!select) return Promise.resolve('no activation select on c1');
  const status = document.querySelector('[role="status"]')!;
  const c2Canvases = document.querySelectorAll('canvas[aria-label^="c2 "]').length;
  const drawsBefore = probe.draws['c2'] ?? 0;
  const statusBefore = status.textContent ?? '';
  let statusAt = 0;
  const observer = new MutationObserver(() => {
    if (/^recomputed 3 of 4/.test(status.textContent ?? '')) statusAt = performance.now();
  });
  observer.observe(status, { childList: true, characterData: true, subtree: true });
  const start = performance.now();
  select.value = select.value === 'relu' ? 'linear' : 'relu';
  select.dispatchEvent(new Event('change', { bubbles: true }));
  return new Promise((resolve) => {
    const check = () => {
      const text = status.textContent ?? '';
      const drawn = (probe.draws['c2'] ?? 0) > drawsBefore;
      // The same text twice ("… in 12.3 ms") leaves the DOM alone: count the repaint then.
      const statusDone = statusAt > 0 || (drawn && text !== '' && text === statusBefore);
      if (c2Canvases > 0 && drawn && statusDone && /^recomputed 3 of 4/.test(text)) {
        const ready = Math.max(statusAt, probe.lastDraw['c2'] ?? 0);
        const frame = probe.frames.find((t) => t > ready);
        if (frame !== undefined && probe.frames.some((t) => t > frame)) {
          observer.disconnect();
          const workerMs = Number(/in ([\d.]+) ms/.exec(text)?.[1] ?? NaN);
          const reportMs = (statusAt || ready) - start;
          const drawnMs = (probe.lastDraw['c2'] ?? ready) - start;
          resolve({
            ...{ ms: frame - start, reportMs, drawnMs, workerMs, status: text },
            ...{ startAt: start, endAt: frame },
          });
          return;
        }
      }
      if (performance.now() - start > 30_000) {
        observer.disconnect();
        resolve(`timeout: status "${text}", c2 canvases ${c2Canvases}`);
        return;
      }
      setTimeout(check, 1);
    };
    check();
  });
}

/** `count` edits in a row inside the page, each waiting for its repaint; returns the time. */
async function editsInARow(page: Page, count: number): Promise<number> {
  await activationSelect(page);
  const start = Date.now();
  for (let i = 0; i < count; i++) {
    const r = await page.evaluate(editInPage);
    if (typeof r === 'string') throw new Error(`edit ${i}: ${r}`);
  }
  return Date.now() - start;
}

/** Wait until c1's activation select is on the page. */
async function activationSelect(page: Page): Promise<void> {
  const card = page.getByRole('region', { name: 'Conv2D c1', exact: true });
  await card.getByRole('combobox', { name: 'activation', exact: true }).first().waitFor();
}

interface HeapReading {
  usedBytes: number;
  totalBytes: number;
  backingStoreBytes: number;
  wasmBytes: number[];
}

/** A CDP channel to the engine worker through the page target's auto-attach (non-flat). */
class WorkerDebugger {
  private next = 1;
  private pending = new Map<number, (r: { result?: unknown; error?: unknown }) => void>();
  private constructor(
    private client: CDPSession,
    private sessionId: string,
  ) {
    client.on('Target.receivedMessageFromTarget', (e) => {
      if (e.sessionId !== this.sessionId) return;
      const msg = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
      if (msg.id !== undefined) this.pending.get(msg.id)?.(msg);
    });
  }

  static async attach(page: Page): Promise<WorkerDebugger> {
    const client = await page.context().newCDPSession(page);
    const found = new Promise<string>((resolve) =>
      client.on('Target.attachedToTarget', (e) => {
        if (e.targetInfo.type === 'worker') resolve(e.sessionId);
      }),
    );
    await client.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
    return new WorkerDebugger(client, await found);
  }

  async send<T>(method: string, params: object = {}): Promise<T> {
    const id = this.next++;
    const reply = new Promise<{ result?: unknown; error?: unknown }>((r) =>
      this.pending.set(id, r),
    );
    await this.client.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    const msg = await reply;
    this.pending.delete(id);
    if (msg.error) throw new Error(`${method}: ${JSON.stringify(msg.error)}`);
    return msg.result as T;
  }

  /** JS heap after two forced collections, and every live WebAssembly.Memory's size. */
  async heap(): Promise<HeapReading> {
    await this.send('HeapProfiler.enable');
    await this.send('HeapProfiler.collectGarbage');
    await this.send('HeapProfiler.collectGarbage');
    // backingStorageSize: ArrayBuffer contents, which live outside the V8 heap proper.
    const usage = await this.send<{
      usedSize: number;
      totalSize: number;
      backingStorageSize?: number;
    }>('Runtime.getHeapUsage');
    const proto = await this.send<{ result: { objectId: string } }>('Runtime.evaluate', {
      expression: 'WebAssembly.Memory.prototype',
    });
    const found = await this.send<{ objects: { objectId: string } }>('Runtime.queryObjects', {
      prototypeObjectId: proto.result.objectId,
    });
    const sizes = await this.send<{ result: { value: number[] } }>('Runtime.callFunctionOn', {
      objectId: found.objects.objectId,
      functionDeclaration: 'function () { return this.map((m) => m.buffer.byteLength); }',
      returnByValue: true,
    });
    return {
      usedBytes: usage.usedSize,
      totalBytes: usage.totalSize,
      backingStoreBytes: usage.backingStorageSize ?? NaN,
      wasmBytes: sizes.result.value,
    };
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!;

async function latency(page: Page, base: string, opts: Options) {
  const probe = watchWorker(page);
  const loadMs = await openGraph(page, base, opts.side);
  await probe.ready();
  await activationSelect(page);
  for (let i = 0; i < 3; i++) await page.evaluate(editInPage); // warm-up
  await probe.take();
  const samples: EditSample[] = [];
  const workerProbe: number[] = [];
  for (let i = 0; i < opts.edits; i++) {
    const r = await page.evaluate(editInPage);
    if (typeof r === 'string') throw new Error(`edit ${i}: ${r}`);
    samples.push(r);
    workerProbe.push(await probe.take());
  }
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  const longestDuringEditsMs = await longestTask(page, first.startAt, last.endAt);
  const pause = await afterPause(page, last.endAt);
  const ms = samples.map((s) => s.ms);
  const worker = samples.map((s) => s.workerMs);
  const c2Canvases = await page.locator('canvas[aria-label^="c2 "]').count();
  return {
    loadMs,
    longestDuringEditsMs,
    pause,
    workerProbeMedianMs: median(workerProbe),
    workerProbeMaxMs: Math.max(...workerProbe),
    workerProbe,
    c2Canvases,
    edits: samples.length,
    medianMs: median(ms),
    p90Ms: quantile(ms, 0.9),
    minMs: Math.min(...ms),
    maxMs: Math.max(...ms),
    workerMedianMs: median(worker),
    workerMinMs: Math.min(...worker),
    reportMedianMs: median(samples.map((s) => s.reportMs)),
    drawnMedianMs: median(samples.map((s) => s.drawnMs)),
    samples,
  };
}

/** The worker time of one report, from the status line: `recomputed 9 of 9 nodes in 0.3 ms`. */
async function statusWorkerMs(page: Page, nodes: number): Promise<number> {
  const status = page.getByRole('status');
  await status.filter({ hasText: new RegExp(`^recomputed ${nodes} of ${nodes} nodes`) }).waitFor();
  return Number(/in ([\d.]+) ms/.exec((await status.textContent()) ?? '')?.[1] ?? NaN);
}

/**
 * The 9-node slide graph in the worker: its first evaluation on a fresh page (code not yet
 * compiled), then `edits` whole re-evaluations, each from a change of the Input's height
 * (6 ↔ 7 rows, which every node depends on), read from the status line.
 */
async function slideGraph(page: Page, base: string, edits: number) {
  await page.goto(`${base}/${encodePlainGraphLink(nineNodeSlideGraph())}`);
  const firstMs = await statusWorkerMs(page, 9);
  const height = page
    .getByRole('region', { name: 'Input input', exact: true })
    .getByRole('spinbutton', { name: 'H', exact: true });
  const samples: number[] = [];
  for (let i = 0; i < edits + 3; i++) {
    await height.fill(i % 2 ? '6' : '7');
    await page.locator('section[aria-busy="true"]').first().waitFor({ state: 'detached' });
    const ms = await statusWorkerMs(page, 9);
    if (i >= 3) samples.push(ms);
  }
  return {
    nodes: 9,
    firstMs,
    edits: samples.length,
    medianMs: median(samples),
    maxMs: Math.max(...samples),
    samples,
  };
}

async function heapCheck(page: Page, base: string, opts: Options) {
  await openGraph(page, base, opts.heapSide);
  const dbg = await WorkerDebugger.attach(page);
  await editsInARow(page, 10); // warm-up: code, caches and kernel memory reach steady state
  const before = await dbg.heap();
  const elapsedMs = await editsInARow(page, opts.heapEdits);
  const after = await dbg.heap();
  const delta = after.usedBytes - before.usedBytes;
  const tolerance = Math.max(HEAP_TOLERANCE_BYTES, before.usedBytes * HEAP_TOLERANCE_FRACTION);
  const wasmSame = JSON.stringify(before.wasmBytes) === JSON.stringify(after.wasmBytes);
  const storesDelta = after.backingStoreBytes - before.backingStoreBytes;
  return {
    side: opts.heapSide,
    edits: opts.heapEdits,
    elapsedMs,
    before,
    after,
    deltaBytes: delta,
    toleranceBytes: tolerance,
    returned: Math.abs(delta) <= tolerance && !(Math.abs(storesDelta) > tolerance) && wasmSame,
  };
}

const mib = (b: number) => `${(b / 1048576).toFixed(2)} MiB`;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

type Result = Awaited<ReturnType<typeof run>>;

function latencyLines(r: Result, l: NonNullable<Result['latency']>): string[] {
  return [
    `Chromium ${r.browserVersion}, ${r.graph}; ${l.edits} edits (after 3 warm-up), c2 shows ${l.c2Canvases} canvases`,
    '',
    '| measure | median | p90 | min | max |',
    '| --- | --- | --- | --- | --- |',
    `| edit → c2 heatmap painted (page) | ${fmt(l.medianMs)} | ${fmt(l.p90Ms)} | ${fmt(l.minMs)} | ${fmt(l.maxMs)} |`,
    `| worker evaluation (status line) | ${fmt(l.workerMedianMs)} | — | ${fmt(l.workerMinMs)} | — |`,
    `| edit → report shown in the status line | ${fmt(l.reportMedianMs)} | — | — | — |`,
    `| edit → last c2 canvas repainted | ${fmt(l.drawnMedianMs)} | — | — | — |`,
    `| worker: edit in → report out (probe) | ${fmt(l.workerProbeMedianMs)} | — | — | ${fmt(l.workerProbeMaxMs)} |`,
    '',
    `Longest main-thread task: during the ${l.edits} edits ${fmt(l.longestDuringEditsMs)}; in the ${fmt(l.pause.pauseMs)} after the last one ${fmt(l.pause.longestTaskMs)} (written: ${writtenText(l.pause)}).`,
  ];
}

function heapLines(h: NonNullable<Result['heap']>): string[] {
  return [
    `Heap, engine worker, ${h.edits} edits in a row on Input ${h.side}×${h.side}×3 (${(h.elapsedMs / 1000).toFixed(1)} s), after forced GC:`,
    '',
    '| | before | after | change |',
    '| --- | --- | --- | --- |',
    `| JS heap used | ${mib(h.before.usedBytes)} | ${mib(h.after.usedBytes)} | ${(h.deltaBytes / 1024).toFixed(0)} KiB |`,
    `| ArrayBuffer backing stores | ${mib(h.before.backingStoreBytes)} | ${mib(h.after.backingStoreBytes)} | ${((h.after.backingStoreBytes - h.before.backingStoreBytes) / 1024).toFixed(0)} KiB |`,
    `| WebAssembly memory | ${h.before.wasmBytes.map(mib).join(', ')} | ${h.after.wasmBytes.map(mib).join(', ')} | ${h.before.wasmBytes.join() === h.after.wasmBytes.join() ? 'none' : 'changed'} |`,
    '',
    `Returned to where it started (JS heap and ArrayBuffer stores each within ${mib(h.toleranceBytes)}, WebAssembly memory unchanged): ${h.returned ? 'yes' : 'NO'}`,
  ];
}

function printTable(r: Result): void {
  const sections: string[][] = [];
  if (r.latency) sections.push(latencyLines(r, r.latency));
  if (r.slides)
    sections.push([
      `9-node slide graph, worker time of a whole evaluation (status line): first, on a fresh page, ${r.slides.firstMs.toFixed(1)} ms; then ${r.slides.edits} edits of the Input's height: median ${r.slides.medianMs.toFixed(1)} ms, max ${r.slides.maxMs.toFixed(1)} ms`,
    ]);
  if (r.heap) sections.push(heapLines(r.heap));
  if (r.inputCell) sections.push(formatInputCell(r.inputCell));
  if (r.bigDense) sections.push(formatBigDense(r.bigDense));
  if (r.training) sections.push(formatTraining(r.training));
  console.log(sections.map((s) => s.join('\n')).join('\n\n'));
}

/** A context with the probes installed before the app loads. */
async function newBenchContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
  });
  // tsx compiles with keepNames: functions sent to the page call its `__name` helper.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await context.addInitScript(installProbes);
  return context;
}

async function run(opts: Options, log: (s: string) => void) {
  buildIfNeeded(log);
  const port = await freePort();
  const server = await startPreview(port);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await newBenchContext(browser);
    const base = `http://127.0.0.1:${port}`;
    const wanted = (name: string) => !opts.only || opts.only === name;
    let latencyResult = null;
    if (wanted('latency')) {
      log(`latency: ${opts.edits} edits on Input ${opts.side}×${opts.side}×3`);
      latencyResult = await latency(await context.newPage(), base, opts);
    }
    let slides = null;
    if (wanted('slides')) {
      log(`slide graph: 9 nodes, ${opts.edits} whole evaluations`);
      slides = await slideGraph(await context.newPage(), base, opts.edits);
    }
    let inputCell = null;
    if (wanted('input') && opts.inputCellEdits > 0) {
      log(`input: ${opts.inputCellEdits} one-pixel edits on Input ${opts.side}×${opts.side}×3`);
      const page = await context.newPage();
      inputCell = await inputCellEdits(page, base, opts.side, opts.inputCellEdits);
    }
    let heap = null;
    if (wanted('heap')) {
      log(`heap: ${opts.heapEdits} edits in a row on Input ${opts.heapSide}×${opts.heapSide}×3`);
      heap = await heapCheck(await context.newPage(), base, opts);
    }
    let bigDense = null;
    if (wanted('big-dense') && opts.bigDenseEdits > 0) {
      log(`big Dense: import 9216→1024, ${opts.bigDenseEdits} activation edits, reload`);
      // A context of its own: storage starts empty, as for someone opening the file.
      const own = await newBenchContext(browser);
      bigDense = await bigDenseScenario(own, base, opts.bigDenseEdits);
      await own.close();
    }
    let training = null;
    if (wanted('training')) {
      log(`training: LeNet on MNIST, ${opts.trainEpochs} epoch(s), page vs the CLI's engine`);
      const own = await newBenchContext(browser);
      training = await trainingScenario(own, base, opts.trainEpochs);
      await own.close();
    }
    return {
      browserVersion: browser.version(),
      graph: `Input ${opts.side}×${opts.side}×3 → Conv2D 16 (3×3 same, relu) → MaxPool 2×2 → Conv2D 32 (3×3 same); edit: c1 activation relu ↔ linear`,
      latency: latencyResult,
      slides,
      heap,
      inputCell,
      bigDense,
      training,
    };
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
}

const opts = options(process.argv.slice(2));
const result = await run(opts, (s) => process.stderr.write(`${s}\n`));
if (opts.out) writeFileSync(opts.out, JSON.stringify(result, null, 2));
if (opts.json) console.log(JSON.stringify(result, null, 2));
else printTable(result);
