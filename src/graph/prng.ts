/**
 * mulberry32: a 32-bit PRNG, the one source of randomness for initializers and dropout
 * masks, so the same seed gives the same numbers in the CLI, the worker and any browser.
 * Each call returns u in [0, 1) as (next 32-bit output) / 2^32.
 * @example const next = mulberry32(7); next() // 0.011704…, the same everywhere
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
