import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ancestorsOf,
  descendantsOf,
  findCycle,
  topologicalOrder,
  type Link,
} from '../../src/graph/topo.ts';

/** Each seed runs RUNS graphs; a failure prints its seed, path and shrunk counterexample. */
const SEEDS = [1, 2, 3];
const RUNS = 300;

interface Graph {
  ids: string[];
  links: Link[];
}

/** Any directed graph on up to 12 nodes: cycles, self-loops and repeated edges included. */
const anyGraph: fc.Arbitrary<Graph> = fc.integer({ min: 0, max: 12 }).chain((n) =>
  fc
    .record({
      links:
        n === 0
          ? fc.constant<[number, number][]>([])
          : fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }),
      names: fc.shuffledSubarray(names(n), { minLength: n, maxLength: n }),
    })
    .map(({ links, names: shuffled }) => ({
      ids: shuffled,
      links: links.map(([s, t]) => ({ source: `v${s}`, target: `v${t}` })),
    })),
);

/** A DAG: every edge goes from a lower to a higher number; ids and edges then shuffled. */
const dag: fc.Arbitrary<Graph> = anyGraph.map(({ ids, links }) => ({
  ids,
  links: links
    .filter((l) => num(l.source) !== num(l.target))
    .map((l) => (num(l.source) < num(l.target) ? l : { source: l.target, target: l.source })),
}));

describe('topologicalOrder', () => {
  it.each(SEEDS)(
    'topo seed=%i: order and blocked split the ids, and order respects every edge',
    (seed) => {
      fc.assert(
        fc.property(anyGraph, ({ ids, links }) => {
          const { order, blocked } = topologicalOrder(ids, links);
          expect([...order, ...blocked].sort()).toEqual([...ids].sort());
          const at = new Map(order.map((id, i) => [id, i]));
          for (const { source, target } of links) {
            if (!at.has(target)) continue;
            expect(at.get(source), `${source} → ${target}`).toBeLessThan(at.get(target)!);
          }
        }),
        { seed, numRuns: RUNS },
      );
    },
  );

  it.each(SEEDS)('topo seed=%i: exactly the nodes on or below a cycle are blocked', (seed) => {
    fc.assert(
      fc.property(anyGraph, ({ ids, links }) => {
        const reach = reachability(ids, links);
        const onCycle = ids.filter((id) => reach.get(id)!.has(id));
        const expected = ids.filter((v) => onCycle.some((c) => c === v || reach.get(c)!.has(v)));
        expect(topologicalOrder(ids, links).blocked.sort()).toEqual(expected.sort());
      }),
      { seed, numRuns: RUNS },
    );
  });

  it.each(SEEDS)('topo seed=%i: a DAG blocks nothing', (seed) => {
    fc.assert(
      fc.property(dag, ({ ids, links }) => {
        const { order, blocked } = topologicalOrder(ids, links);
        expect(blocked).toEqual([]);
        expect(order).toHaveLength(ids.length);
      }),
      { seed, numRuns: RUNS },
    );
  });
});

describe('descendantsOf, ancestorsOf, findCycle', () => {
  it.each(SEEDS)(
    'topo seed=%i: descendants and ancestors are the roots plus what reaches or is reached',
    (seed) => {
      const graphAndRoots = anyGraph.chain((g) =>
        fc.record({ g: fc.constant(g), roots: fc.subarray(g.ids) }),
      );
      fc.assert(
        fc.property(graphAndRoots, ({ g: { ids, links }, roots }) => {
          const reach = reachability(ids, links);
          const below = ids.filter(
            (v) => roots.includes(v) || roots.some((r) => reach.get(r)!.has(v)),
          );
          const above = ids.filter(
            (v) => roots.includes(v) || roots.some((r) => reach.get(v)!.has(r)),
          );
          expect([...descendantsOf(roots, links)].sort()).toEqual(below.sort());
          expect([...ancestorsOf(roots, links)].sort()).toEqual(above.sort());
        }),
        { seed, numRuns: RUNS },
      );
    },
  );

  it.each(SEEDS)(
    'topo seed=%i: findCycle returns a real cycle whenever something is blocked',
    (seed) => {
      fc.assert(
        fc.property(anyGraph, ({ ids, links }) => {
          const { blocked } = topologicalOrder(ids, links);
          if (blocked.length === 0) return;
          const cycle = findCycle(blocked, links);
          expect(cycle.length).toBeGreaterThanOrEqual(2);
          expect(cycle[0]).toBe(cycle[cycle.length - 1]);
          expect(new Set(cycle.slice(1)).size, 'visits each node once').toBe(cycle.length - 1);
          const edges = new Set(links.map((l) => `${l.source}→${l.target}`));
          for (let i = 0; i + 1 < cycle.length; i++)
            expect(edges.has(`${cycle[i]}→${cycle[i + 1]}`), `${cycle.join(' → ')}`).toBe(true);
        }),
        { seed, numRuns: RUNS },
      );
    },
  );

  it('a node downstream of a cycle is not named as one: a ⇄ b, b → c → d, listed c first', () => {
    const links = [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'a' },
      { source: 'b', target: 'c' },
      { source: 'c', target: 'd' },
    ];
    const { blocked } = topologicalOrder(['c', 'd', 'a', 'b'], links);
    expect(findCycle(blocked, links)).toEqual(['a', 'b', 'a']);
  });
});

/** For each node, the nodes reachable from it by one or more edges (a plain BFS). */
function reachability(ids: readonly string[], links: readonly Link[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const start of ids) {
    const seen = new Set<string>();
    const queue = links.filter((l) => l.source === start).map((l) => l.target);
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const l of links) if (l.source === id) queue.push(l.target);
    }
    out.set(start, seen);
  }
  return out;
}

function names(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `v${i}`);
}

function num(id: string): number {
  return Number(id.slice(1));
}
