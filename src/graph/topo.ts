/** An edge reduced to what ordering needs. */
export interface Link {
  source: string;
  target: string;
}

/**
 * Kahn's algorithm: count in-degrees, emit nodes whose inputs are all emitted. Whatever is
 * left is on a cycle, or downstream of one, and is returned rather than thrown.
 * @example topologicalOrder(['a','b'], [{source:'a', target:'b'}]) // { order: ['a','b'], blocked: [] }
 */
export function topologicalOrder(
  ids: readonly string[],
  links: readonly Link[],
): { order: string[]; blocked: string[] } {
  const indegree = new Map<string, number>(ids.map((id) => [id, 0]));
  const children = childrenOf(links);
  for (const { target } of links) indegree.set(target, (indegree.get(target) ?? 0) + 1);
  const ready = ids.filter((id) => indegree.get(id) === 0);
  const order: string[] = [];
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i]!;
    order.push(id);
    for (const child of children.get(id) ?? []) {
      const left = (indegree.get(child) ?? 0) - 1;
      indegree.set(child, left);
      if (left === 0) ready.push(child);
    }
  }
  const done = new Set(order);
  return { order, blocked: ids.filter((id) => !done.has(id)) };
}

/** Outgoing adjacency: source id → target ids. */
export function childrenOf(links: readonly Link[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const { source, target } of links) {
    const list = children.get(source);
    if (list) list.push(target);
    else children.set(source, [target]);
  }
  return children;
}

/** The given nodes and everything downstream of them. */
export function descendantsOf(roots: Iterable<string>, links: readonly Link[]): Set<string> {
  const children = childrenOf(links);
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return seen;
}

/** The given nodes and everything upstream of them. */
export function ancestorsOf(roots: Iterable<string>, links: readonly Link[]): Set<string> {
  return descendantsOf(
    roots,
    links.map(({ source, target }) => ({ source: target, target: source })),
  );
}

/**
 * One cycle among the blocked nodes, as a path that returns to its start, for messages.
 * `links` must join only nodes that `topologicalOrder` was given.
 */
export function findCycle(blocked: readonly string[], links: readonly Link[]): string[] {
  const inBlocked = new Set(blocked);
  const parents = childrenOf(
    links
      .filter((l) => inBlocked.has(l.source) && inBlocked.has(l.target))
      .map(({ source, target }) => ({ source: target, target: source })),
  );
  const path: string[] = [];
  const index = new Map<string, number>();
  let id: string | undefined = blocked[0];
  // Walk inputs, not outputs: a node downstream of a cycle may lead on to a sink, but every
  // blocked node has a blocked input (else Kahn would have emitted it), so this walk repeats.
  while (id !== undefined && !index.has(id)) {
    index.set(id, path.length);
    path.push(id);
    id = parents.get(id)?.[0];
  }
  if (id === undefined) return [];
  const cycle = path.slice(index.get(id)).reverse();
  return [...cycle, cycle[0]!];
}
