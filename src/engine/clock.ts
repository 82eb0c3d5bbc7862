// The core is compiled without DOM or Node typings; `performance` exists in both runtimes.
declare const performance: { now(): number };

/** Milliseconds from a monotonic clock, in Node, a worker or a page. */
export function now(): number {
  return performance.now();
}
