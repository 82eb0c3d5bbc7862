import type { BrowserContext } from 'playwright-core';
import { loadMnistFromDisk } from '../../src/cli/mnist-file.ts';
import { createTrainer } from '../../src/engine/train/create-trainer.ts';
import { prepareTraining, type TrainingSection } from '../../src/engine/train/prepare.ts';
import { parseGraphText } from '../../src/graph/parse.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageNow } from './e2e-probes.ts';

const ROOT = join(import.meta.dirname, '../..');
const PRESET = 'presets/10-learn-digits.json';

export interface TrainingBench {
  epochs: number;
  samples: number;
  /** From Resume to "Done" in the page (the data set already loaded by a first step). */
  pageMs: number;
  pageSamplesPerSecond: number;
  /**
   * While it runs: between the first and the last progress the page showed (the batches
   * between them), leaving out the end (the weights are written into the graph, which the
   * engine then computes).
   */
  steadyMs: number;
  steadySamplesPerSecond: number;
  steadyRatio: number;
  /** Main-thread tasks over 50 ms in that steady part, and the longest. */
  steadyLongTasks: number;
  steadyLongestTaskMs: number;
  /** The same steps and test evaluations in Node, the CLI's engine, in this process. */
  cliMs: number;
  cliSamplesPerSecond: number;
  ratio: number;
  /** Main-thread tasks over 50 ms while training ran, and the longest (0 if none). */
  longTasks: number;
  longestTaskMs: number;
  /** The slowest of the page's frames (rAF to rAF) while it trained. */
  longestFrameMs: number;
}

/**
 * Training as a user waits for it: the "Learn to read digits" LeNet (Adam, batch 32) on
 * MNIST in the page, driven by its own Train panel, against the CLI's engine on the same
 * samples in Node. Both take one step first (the page fetches and decodes the data then),
 * then train the rest of `epochs` epochs, each ending with the test split's evaluation.
 */
export async function trainingScenario(
  context: BrowserContext,
  base: string,
  epochs: number,
): Promise<TrainingBench> {
  const doc = readFileSync(join(ROOT, PRESET), 'utf8');
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page
    .getByRole('status')
    .filter({ hasText: /^recomputed/ })
    .waitFor();
  await page.getByLabel('preset').selectOption('10-learn-digits');
  const panel = page.getByRole('complementary', { name: 'Train the network' });
  await panel.getByRole('spinbutton', { name: 'Epochs' }).fill(String(epochs));
  await panel.getByRole('button', { name: 'Step one batch' }).click();
  await panel.getByText(/^Paused/).waitFor({ timeout: 60_000 });
  await page.evaluate(() => {
    const log: { at: number; text: string }[] = [];
    (window as unknown as { __progress: typeof log }).__progress = log;
    const panel = document.querySelector('.tr-panel')!;
    new MutationObserver(() => {
      const m = /Epoch \d+ of \d+ · batch \d+ of \d+/.exec(panel.textContent ?? '');
      if (m && m[0] !== log[log.length - 1]?.text) log.push({ at: performance.now(), text: m[0] });
    }).observe(panel, { subtree: true, childList: true, characterData: true });
  });
  const from = await pageNow(page);
  const started = Date.now();
  await panel.getByRole('button', { name: 'Resume' }).click();
  // Polled cheaply: a locator's waitFor walks the accessibility tree every frame, and
  // would itself cost the page the frames measured here.
  await page.waitForFunction(
    () => document.querySelector('.tr-panel')?.textContent?.includes('Done: the trained weights'),
    undefined,
    { polling: 250, timeout: 600_000 },
  );
  const pageMs = Date.now() - started;
  const to = await pageNow(page);
  const tasks = await page.evaluate(
    ([a, b]) =>
      (
        window as unknown as { __bench: { longTasks: { start: number; duration: number }[] } }
      ).__bench.longTasks.filter((t) => t.start + t.duration >= a! && t.start <= b!),
    [from, to],
  );
  const longestFrameMs = await page.evaluate(
    ([a, b]) => {
      const frames = (window as unknown as { __bench: { frames: number[] } }).__bench.frames;
      let worst = 0;
      for (let i = 1; i < frames.length; i++)
        if (frames[i]! >= a! && frames[i - 1]! <= b!)
          worst = Math.max(worst, frames[i]! - frames[i - 1]!);
      return worst;
    },
    [from, to],
  );
  const progress = await page.evaluate(
    () => (window as unknown as { __progress: { at: number; text: string }[] }).__progress,
  );
  await page.close();
  const batchOf = (text: string) => {
    const [e, , b, bs] = text.match(/\d+/g)!.map(Number) as [number, number, number, number];
    return (e - 1) * bs + b;
  };
  // From the first report of the run to the last before the end.
  const running = progress.filter((p) => batchOf(p.text) > 1);
  const first = running[0]!;
  const last = running[running.length - 2] ?? running[running.length - 1]!;
  const steadyMs = last.at - first.at;
  const steadySamples = (batchOf(last.text) - batchOf(first.text)) * 32;
  const steadyTasks = tasks.filter((t) => t.start >= first.at && t.start + t.duration <= last.at);

  const parsed = parseGraphText(doc);
  if (!parsed.ok) throw new Error(parsed.error);
  const section = (parsed.value as { training?: TrainingSection }).training!;
  const prepared = prepareTraining(
    parsed.value,
    { ...section, epochs },
    { mnist: loadMnistFromDisk },
  );
  if (!prepared.ok) throw new Error(prepared.error);
  const trainer = createTrainer(prepared.setup);
  trainer.step();
  const t0 = performance.now();
  while (!trainer.done) trainer.step();
  const cliMs = performance.now() - t0;
  const samples = prepared.setup.train.count * epochs - 32;
  const pageSamplesPerSecond = (samples * 1000) / pageMs;
  const cliSamplesPerSecond = (samples * 1000) / cliMs;
  return {
    epochs,
    samples,
    pageMs,
    pageSamplesPerSecond,
    cliMs,
    cliSamplesPerSecond,
    ratio: pageSamplesPerSecond / cliSamplesPerSecond,
    steadyMs,
    steadySamplesPerSecond: (steadySamples * 1000) / steadyMs,
    steadyRatio: (steadySamples * 1000) / steadyMs / cliSamplesPerSecond,
    steadyLongTasks: steadyTasks.length,
    steadyLongestTaskMs: Math.max(0, ...steadyTasks.map((t) => t.duration)),
    longTasks: tasks.length,
    longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
    longestFrameMs,
  };
}

export function formatTraining(r: TrainingBench): string[] {
  const n = (v: number) => Math.round(v).toLocaleString('en-US');
  return [
    `Training, LeNet on MNIST (Adam, batch 32), ${r.epochs} epoch(s) after a first step, ${n(r.samples)} samples and the test split's evaluation each epoch:`,
    '',
    '| where | time | samples/s |',
    '| --- | --- | --- |',
    `| page, while it runs (first to last progress shown) | ${(r.steadyMs / 1000).toFixed(2)} s | ${n(r.steadySamplesPerSecond)} |`,
    `| page, Resume to Done (the last weights written into the graph) | ${(r.pageMs / 1000).toFixed(2)} s | ${n(r.pageSamplesPerSecond)} |`,
    `| Node, the CLI's engine, same steps | ${(r.cliMs / 1000).toFixed(2)} s | ${n(r.cliSamplesPerSecond)} |`,
    '',
    `Page / CLI while it runs: ${(r.steadyRatio * 100).toFixed(0)} % (goal ≥ 80 %); Resume to Done: ${(r.ratio * 100).toFixed(0)} %.`,
    `Main-thread tasks over 50 ms while it runs: ${r.steadyLongTasks} (longest ${r.steadyLongestTaskMs.toFixed(0)} ms; goal none). From Resume to Done: ${r.longTasks} (longest ${r.longestTaskMs.toFixed(0)} ms); longest frame ${r.longestFrameMs.toFixed(0)} ms.`,
  ];
}
