import type * as z from 'zod/mini';
import { findCycle, topologicalOrder } from './topo.ts';

interface Shape {
  nodes: readonly { id: string; type: string }[];
  edges: readonly { source: string; target: string }[];
}

/**
 * Rules that span nodes and edges: unique ids, edges between existing nodes, at most one
 * input per node, nothing into an Input, no cycle. Runs inside the graph schema.
 */
export function checkGraphStructure(doc: Shape, ctx: z.core.$RefinementCtx<unknown>): void {
  const types = new Map<string, string>();
  doc.nodes.forEach((node, i) => {
    if (types.has(node.id)) issue(ctx, ['nodes', i, 'id'], `duplicate node id "${node.id}"`);
    types.set(node.id, node.type);
  });
  const inputOf = new Map<string, string>();
  doc.edges.forEach((edge, i) => {
    if (!types.has(edge.source))
      issue(ctx, ['edges', i, 'source'], `no node with id "${edge.source}"`);
    const targetType = types.get(edge.target);
    if (targetType === undefined)
      issue(ctx, ['edges', i, 'target'], `no node with id "${edge.target}"`);
    else if (targetType === 'Input')
      issue(ctx, ['edges', i, 'target'], `"${edge.target}" is an Input and takes no incoming edge`);
    else if (inputOf.has(edge.target)) {
      issue(
        ctx,
        ['edges', i, 'target'],
        `"${edge.target}" already has an input ("${inputOf.get(edge.target)}"); a node takes at most one`,
      );
    } else inputOf.set(edge.target, edge.source);
  });
  // Edges to or from a missing node are reported above; left in, they would block their
  // targets and read as a cycle.
  const links = doc.edges.filter((e) => types.has(e.source) && types.has(e.target));
  const { blocked } = topologicalOrder([...types.keys()], links);
  if (blocked.length > 0) {
    const cycle = findCycle(blocked, links);
    issue(ctx, ['edges'], `the edges form a cycle: ${cycle.map((id) => `"${id}"`).join(' → ')}`);
  }
}

function issue(
  ctx: z.core.$RefinementCtx<unknown>,
  path: (string | number)[],
  message: string,
): void {
  ctx.addIssue({ code: 'custom', path, message });
}
