import type { Page } from 'playwright-core';
import { openGraph, pipelineInput } from './e2e-graphs.ts';
import {
  afterPause,
  writtenText,
  longestTask,
  reportBaseline,
  waitForReport,
  watchWorker,
  type BenchProbe,
} from './e2e-probes.ts';

/** One edit of the Input by a one-pixel dot on the drawing pad. */
interface CellEditSample {
  /** pointerup → the end of the first frame after the report and c2's repaint. */
  ms: number;
  /** pointerup → the status line shows the report. */
  reportMs: number;
  /** The status line's `in … ms`: the recomputed nodes' own times. */
  statusMs: number;
  /** The engine worker, from the edit's `apply` arriving to the report leaving. */
  workerMs: number;
  /** The longest main-thread task from pointerup to the end of the frame. */
  longestTaskMs: number;
  startAt: number;
  endAt: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/**
 * Pixels to dot, spread over the image, whose three values are all below the pen's ink (1):
 * each dot then changes exactly that pixel.
 */
function pixelsToDot(side: number, count: number): { x: number; y: number }[] {
  const data = pipelineInput(side);
  const out: { x: number; y: number }[] = [];
  for (let i = 0; out.length < count && i < side * side; i++) {
    const x = (17 + i * 37) % side;
    const y = (29 + i * 53) % side;
    const at = (y * side + x) * 3;
    if ([0, 1, 2].every((c) => data[at + c]! < 1)) out.push({ x, y });
  }
  return out;
}

/** The Input's data as the autosave holds it after the pause, if it is in localStorage. */
/** The Input's values as the autosave keeps them (IndexedDB 'convflow', store 'autosave'). */
function savedInput(page: Page): Promise<number[] | null> {
  return page.evaluate(
    () =>
      new Promise<number[] | null>((resolve) => {
        const open = indexedDB.open('convflow');
        open.onerror = () => resolve(null);
        open.onsuccess = () => {
          try {
            const get = open.result.transaction('autosave').objectStore('autosave').get('graph');
            get.onerror = () => resolve(null);
            get.onsuccess = () => {
              const graph = get.result as
                | { nodes?: { id: string; params?: { tensor?: { data?: ArrayLike<number> } } }[] }
                | undefined;
              const data = graph?.nodes?.find((n) => n.id === 'in')?.params?.tensor?.data;
              resolve(data ? Array.from(data) : null);
            };
          } catch {
            resolve(null);
          }
        };
      }),
  );
}

type Probe = ReturnType<typeof watchWorker>;
type Pixel = { x: number; y: number };

/** Open the Input's drawing pad and set its brush to 1; the pad canvas's box on the page. */
async function openPad(page: Page) {
  await page
    .getByRole('button', { name: 'Draw: open the drawing pad for in', exact: true })
    .click();
  const pad = page.getByRole('dialog', { name: /^Drawing pad/ });
  await pad.getByRole('slider').focus();
  await page.keyboard.press('Home'); // brush 1: a dot at a pixel's centre covers that pixel only
  return (await pad.locator('canvas').boundingBox())!;
}

/** Click a pixel's centre on the pad; time from pointerup to the frame after c2's repaint. */
async function dotPixel(
  page: Page,
  probe: Probe,
  box: Pixel & { width: number; height: number },
  side: number,
  p: Pixel,
): Promise<CellEditSample> {
  const baseline = await page.evaluate(reportBaseline, 'c2');
  await page.mouse.click(
    box.x + ((p.x + 0.5) * box.width) / side,
    box.y + ((p.y + 0.5) * box.height) / side,
  );
  const seen = await page.evaluate(waitForReport, {
    ...{ pattern: '^recomputed 4 of 4', node: 'c2', timeoutMs: 60_000 },
    ...baseline,
  });
  if (typeof seen === 'string') throw new Error(`input edit at (${p.x}, ${p.y}): ${seen}`);
  const startAt = await page.evaluate(
    () => (window as unknown as { __bench: BenchProbe }).__bench.lastPointerUp,
  );
  return {
    ms: seen.frameAt - startAt,
    reportMs: seen.reportAt - startAt,
    statusMs: Number(/in ([\d.]+) ms/.exec(seen.status)?.[1] ?? NaN),
    workerMs: await probe.take(),
    longestTaskMs: await longestTask(page, startAt, seen.frameAt),
    startAt,
    endAt: seen.frameAt,
  };
}

/**
 * Edit one pixel of the Input side×side×3 of the pipeline graph, `edits` times, as a person
 * can at that size (cells are typed one by one only up to 16×16): open the Input's drawing
 * pad, set the brush to 1, click a pixel's centre. Each click is one `setCells` carrying the
 * pixel's changed values and recomputes all 4 nodes. Then the pause
 * in which the address bar and the autosave are written.
 */
export async function inputCellEdits(page: Page, base: string, side: number, edits: number) {
  const probe = watchWorker(page);
  await openGraph(page, base, side);
  await probe.ready();
  const box = await openPad(page);
  const dots = pixelsToDot(side, edits + 2);
  for (const d of dots.slice(0, 2)) await dotPixel(page, probe, box, side, d); // warm-up
  const samples: CellEditSample[] = [];
  for (const d of dots.slice(2)) samples.push(await dotPixel(page, probe, box, side, d));
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  const longestDuringEditsMs = await longestTask(page, first.startAt, last.endAt);
  const pause = await afterPause(page, last.endAt);
  const saved = await savedInput(page);
  const original = pipelineInput(side);
  const of = (k: keyof CellEditSample) => samples.map((s) => s[k]);
  return {
    ...{ side, edits: samples.length, dots: dots.length },
    /** Values that differ from the original image (as float32) after all the dots, warm-up too. */
    valuesChanged: saved ? saved.filter((v, i) => v !== Math.fround(original[i]!)).length : null,
    ...{ medianMs: median(of('ms')), maxMs: Math.max(...of('ms')) },
    ...{ reportMedianMs: median(of('reportMs')), statusMedianMs: median(of('statusMs')) },
    ...{ workerMedianMs: median(of('workerMs')), workerMaxMs: Math.max(...of('workerMs')) },
    /** Per edit, the worker's time less its nodes' own: what the session and messages add. */
    ...{ overNodesMedianMs: median(samples.map((s) => s.workerMs - s.statusMs)) },
    overNodesMaxMs: Math.max(...samples.map((s) => s.workerMs - s.statusMs)),
    ...{ longestDuringEditsMs, pause, samples },
  };
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** Markdown lines for the one-pixel Input edits. */
export function formatInputCell(r: Awaited<ReturnType<typeof inputCellEdits>>): string[] {
  const perDot = r.valuesChanged === null ? 'unknown' : (r.valuesChanged / r.dots).toFixed(1);
  return [
    `Input ${r.side}×${r.side}×3, one pixel at a time: ${r.edits} one-pixel dots on the drawing pad (after 2 warm-up; brush 1; each stroke sends the cells it changed (setCells); values changed per dot, from the autosave: ${perDot}); recomputes all 4 nodes`,
    '',
    '| measure | median | max |',
    '| --- | --- | --- |',
    `| pointerup → c2 heatmap painted (page) | ${fmt(r.medianMs)} | ${fmt(r.maxMs)} |`,
    `| pointerup → report in the status line | ${fmt(r.reportMedianMs)} | — |`,
    `| worker: edit in → report out (probe) | ${fmt(r.workerMedianMs)} | ${fmt(r.workerMaxMs)} |`,
    `| the nodes' own times (status line) | ${fmt(r.statusMedianMs)} | — |`,
    `| worker time less its nodes' own, per edit | ${fmt(r.overNodesMedianMs)} | ${fmt(r.overNodesMaxMs)} |`,
    '',
    `Longest main-thread task: during the ${r.edits} edits ${fmt(r.longestDuringEditsMs)}; in the ${fmt(r.pause.pauseMs)} after the last one ${fmt(r.pause.longestTaskMs)} (written: ${writtenText(r.pause)}).`,
  ];
}
