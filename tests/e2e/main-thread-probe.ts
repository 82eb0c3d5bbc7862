import type { Page } from '@playwright/test';

/** What the page's main thread did since the probe was last reset, in milliseconds. */
export interface Blocking {
  /** Longest `longtask` entry (the browser reports tasks over 50 ms only). */
  longestTask: number;
  /** Longest gap between two pings of a MessageChannel loop: any task holding the thread. */
  longestGap: number;
}

/**
 * Install, before the app loads, a `longtask` observer and a ping loop that notes how long
 * the main thread was unavailable. Numbers are for reports: shared machines are too noisy
 * for a test to assert on them.
 */
export async function installMainThreadProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const probe = { longestTask: 0, longestGap: 0, last: performance.now() };
    (window as unknown as { __probe: typeof probe }).__probe = probe;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        probe.longestTask = Math.max(probe.longestTask, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const now = performance.now();
      probe.longestGap = Math.max(probe.longestGap, now - probe.last);
      probe.last = now;
      setTimeout(() => channel.port2.postMessage(0), 5);
    };
    channel.port2.postMessage(0);
  });
}

/** Read the probe's maxima and start again from zero. */
export async function takeBlocking(page: Page): Promise<Blocking> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __probe: Blocking & { last: number } }).__probe;
    const result = { longestTask: probe.longestTask, longestGap: probe.longestGap };
    probe.longestTask = 0;
    probe.longestGap = 0;
    probe.last = performance.now();
    return result;
  });
}
