import { readFileSync, rmSync } from 'node:fs';
import type { Browser, Page, TestInfo } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/**
 * Run `step` under a Chromium trace and return the durations, in milliseconds, of the
 * longest tasks the page's main thread ran meanwhile (longest first). For reports only:
 * shared machines are too noisy for a test to assert on timings.
 */
export async function longestTasks(
  browser: Browser,
  page: Page,
  info: TestInfo,
  step: () => Promise<void>,
  count = 3,
): Promise<number[]> {
  const path = info.outputPath(`trace-${Date.now()}.json`);
  await browser.startTracing(page, { path, categories: ['toplevel'] });
  await step();
  await browser.stopTracing();
  const events = (JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: TraceEvent[] })
    .traceEvents;
  rmSync(path);
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  return (
    events
      // One top-level event per task the thread's scheduler ran.
      .filter((e) => e.name.endsWith('RunTask') && e.pid === main?.pid && e.tid === main?.tid)
      .map((e) => (e.dur ?? 0) / 1000)
      .sort((a, b) => b - a)
      .slice(0, count)
  );
}

/** Print a step's longest main-thread tasks, e.g. `save: 7.0, 6.8, 0.9 ms`. */
export function report(what: string, tasks: number[]): void {
  console.log(`${what}: longest main-thread tasks ${tasks.map((t) => t.toFixed(1)).join(', ')} ms`);
}
