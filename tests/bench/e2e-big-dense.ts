import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { seededRandom } from './e2e-graphs.ts';
import {
  afterPause,
  writtenText,
  longestTask,
  pageNow,
  reportBaseline,
  waitForReport,
  watchWorker,
  writesBetween,
} from './e2e-probes.ts';

const SIDE = 96;
const UNITS = 1024;
/** The Dense node's id; its output (1024 values) is drawn as one canvas. */
const DENSE = 'big';

/**
 * Input 96×96×1 → Flatten → Dense 1024 with explicit weights (9216×1024 = 9.4 M) as a graph
 * file. Weights have two decimals (−0.02 … 0.02, about Glorot's range): at full float
 * precision (float32 values, 10–20 characters each) the file would be 100–200 MB, over the
 * app's 64 MiB limit for a graph file.
 * Written piece by piece; returns its path and size.
 */
function writeBigDenseFile(): { path: string; bytes: number } {
  const path = join(tmpdir(), `convflow-bench-dense-${process.pid}.json`);
  const fd = openSync(path, 'w');
  let bytes = 0;
  const write = (text: string) => (bytes += writeSync(fd, text));
  const random = seededRandom(11);
  const values = (n: number, f: () => number) => {
    const CHUNK = 65_536;
    for (let i = 0; i < n; i += CHUNK) {
      const part = Array.from({ length: Math.min(CHUNK, n - i) }, f);
      write((i ? ',' : '') + part.join(','));
    }
  };
  const node = (id: string, type: string, x: number) =>
    `{"id":"${id}","type":"${type}","position":{"x":${x},"y":0}`;
  write(`{"format":"convflow-graph","version":1,"nodes":[`);
  write(`${node('in', 'Input', 0)},"params":{"tensor":{"shape":[${SIDE},${SIDE},1],"data":[`);
  values(SIDE * SIDE, () => Math.round(random() * 100) / 100);
  write(`]}}},${node('flat', 'Flatten', 360)}},`);
  write(`${node(DENSE, 'Dense', 720)},"params":{"units":${UNITS},"activation":"linear",`);
  write(`"kernel":{"shape":[${SIDE * SIDE},${UNITS}],"data":[`);
  values(SIDE * SIDE * UNITS, () => (Math.floor(random() * 5) - 2) / 100);
  write(`]},"bias":{"shape":[${UNITS}],"data":[`);
  values(UNITS, () => Math.round(random() * 20 - 10) / 100);
  write(`]}}}],"edges":[{"source":"in","target":"flat"},{"source":"flat","target":"${DENSE}"}]}`);
  closeSync(fd);
  return { path, bytes };
}

/** The status line once it shows `pattern`, waiting up to `timeoutMs`; null on timeout. */
async function statusShowing(page: Page, pattern: RegExp, timeoutMs: number) {
  const status = page.getByRole('status').filter({ hasText: pattern });
  return status.waitFor({ timeout: timeoutMs }).then(
    () => status.textContent(),
    () => null,
  );
}

type Probe = ReturnType<typeof watchWorker>;

/** Open the file through the toolbar's "Import .json" and its file chooser. */
async function importFile(page: Page, probe: Probe, path: string) {
  const from = await pageNow(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import .json', exact: true }).click();
  await (await chooser).setFiles(path);
  const loaded = await statusShowing(page, /^recomputed 3 of 3 nodes/, 600_000);
  if (loaded === null) throw new Error('the big Dense graph did not load within 10 minutes');
  const to = await pageNow(page);
  await probe.take();
  return { ms: to - from, longestTaskMs: await longestTask(page, from, to), endAt: to };
}

/** One activation toggle, timed in the page from the select's `change` to the next frame. */
async function toggleActivation(page: Page, probe: Probe, value: string) {
  const baseline = await page.evaluate(reportBaseline, DENSE);
  const select = page
    .getByRole('region', { name: `Dense ${DENSE}`, exact: true })
    .getByRole('combobox', { name: 'activation', exact: true });
  // As a person's choice arrives: the select's value set and `change` dispatched.
  const from = await select.evaluate((el: HTMLSelectElement, v) => {
    const start = performance.now();
    el.value = v;
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return start;
  }, value);
  const seen = await page.evaluate(waitForReport, {
    ...{ pattern: '^recomputed 1 of 3', node: DENSE, timeoutMs: 120_000 },
    ...baseline,
  });
  if (typeof seen === 'string') throw new Error(`big Dense edit to ${value}: ${seen}`);
  return {
    ms: seen.frameAt - from,
    statusMs: Number(/in ([\d.]+) ms/.exec(seen.status)?.[1] ?? NaN),
    workerMs: await probe.take(),
    longestTaskMs: await longestTask(page, from, seen.frameAt),
    endAt: seen.frameAt,
  };
}

/** Reload, and wait a minute for the graph to come back (a restore may follow a first graph). */
async function reloadPage(page: Page) {
  const from = Date.now();
  await page.reload({ waitUntil: 'commit' });
  await statusShowing(page, /^recomputed/, 120_000);
  const dense = page.getByRole('region', { name: `Dense ${DENSE}`, exact: true });
  const shown = await dense.waitFor({ timeout: 60_000 }).then(
    () => true,
    () => false,
  );
  const back = shown && (await statusShowing(page, /^recomputed 3 of 3 nodes/, 120_000)) !== null;
  return {
    ms: Date.now() - from,
    graphBack: back,
    status: (await page.getByRole('status').textContent()) ?? '',
    // The reloaded page's own probe: from its start to now.
    longestTaskMs: await longestTask(page, 0, await pageNow(page)),
  };
}

/**
 * Issue 11's large graph: import the file through the toolbar's "Import .json" (a file
 * chooser), toggle the Dense's activation `edits` times, sit through the pause that saves,
 * then reload the page and see whether the graph comes back. Worker time per edit from the
 * worker probe; the longest main-thread task of each phase.
 */
export async function bigDenseScenario(context: BrowserContext, base: string, edits: number) {
  const file = writeBigDenseFile();
  try {
    const page = await context.newPage();
    const probe = watchWorker(page);
    await page.goto(base);
    await statusShowing(page, /^recomputed/, 120_000);
    await probe.ready();
    const load = await importFile(page, probe, file.path);
    const samples = [];
    for (let i = 0; i < edits; i++)
      samples.push(await toggleActivation(page, probe, i % 2 ? 'linear' : 'relu'));
    const lastEnd = samples[samples.length - 1]?.endAt ?? load.endAt;
    const writtenDuringEdits = await writesBetween(page, load.endAt, lastEnd);
    const pause = await afterPause(page, lastEnd);
    const reload = await reloadPage(page);
    await page.close();
    const weights = SIDE * SIDE * UNITS;
    return {
      file: { bytes: file.bytes, weights },
      load,
      samples,
      writtenDuringEdits,
      pause,
      reload,
    };
  } finally {
    rmSync(file.path, { force: true });
  }
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const PERSIST_NOTE = "save's 400 ms delay";

/** Markdown lines for the big Dense graph. */
export function formatBigDense(r: Awaited<ReturnType<typeof bigDenseScenario>>): string[] {
  const of = (k: 'ms' | 'statusMs' | 'workerMs' | 'longestTaskMs') => r.samples.map((s) => s[k]);
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const row = (what: string, xs: number[]) =>
    `| ${what} | ${fmt(med(xs))} | ${fmt(Math.max(...xs))} |`;
  return [
    `Input 96×96×1 → Flatten → Dense 1024, ${(r.file.weights / 1e6).toFixed(1)} M explicit weights, imported from a ${(r.file.bytes / 2 ** 20).toFixed(1)} MiB file (Import .json): ${fmt(r.load.ms)} to the first report, longest main-thread task ${fmt(r.load.longestTaskMs)}`,
    '',
    `| ${r.samples.length} activation edits | median | max |`,
    '| --- | --- | --- |',
    row('edit → Dense output painted (page)', of('ms')),
    row('worker: edit in → report out (probe)', of('workerMs')),
    row('the Dense node itself (status line)', of('statusMs')),
    row('longest main-thread task in the edit', of('longestTaskMs')),
    '',
    `Written during the edits (a long edit outlasts the ${PERSIST_NOTE}): ${r.writtenDuringEdits.length ? r.writtenDuringEdits.join(', ') : 'nothing'}.`,
    `Pause after the last edit (${fmt(r.pause.pauseMs)}): longest main-thread task ${fmt(r.pause.longestTaskMs)}, written: ${writtenText(r.pause)}.`,
    `Reload: the graph ${r.reload.graphBack ? 'came back' : 'did NOT come back'} (${fmt(r.reload.ms)}, status "${r.reload.status}"), longest main-thread task ${fmt(r.reload.longestTaskMs)}.`,
  ];
}
