/**
 * A small seeded random source for the property suites, so a failing seed replays.
 * Built on its own splitmix-style generator rather than the engine's mulberry32, so a
 * bug in the engine's PRNG cannot also bend the graphs that test it.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function makeRng(seed: number): Rng {
  let state = (seed ^ 0x9e3779b9) >>> 0;
  const next = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    uniform: (lo, hi) => lo + next() * (hi - lo),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)];
    },
  };
}

/** `n` uniform values in [-scale, scale), rounded to float32 as the document will be read. */
export function randomData(rng: Rng, n: number, scale = 1): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(Math.fround(rng.uniform(-scale, scale)));
  return out;
}

/** The seeds of a suite: `count` of them from `first`, so names read `seed=1`, `seed=2`, … */
export function seeds(count: number, first = 1): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}
