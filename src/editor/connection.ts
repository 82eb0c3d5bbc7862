import { connectionProblem } from '../graph/edits.ts';
import type { GraphDocument } from '../graph/types.ts';

export interface Link {
  source: string;
  target: string;
}

/**
 * The link a connection drag means, from the node it started on to the node it is over.
 * Dragging from an input handle (`target`) means the other node is the source.
 */
export function linkBetween(from: string, to: string, fromHandleType: string | undefined): Link {
  return fromHandleType === 'target' ? { source: to, target: from } : { source: from, target: to };
}

/** Why `link` cannot be made in `doc`, or null when it can. */
export function linkProblem(doc: GraphDocument, link: Link): string | null {
  const problem = connectionProblem(doc, link.source, link.target);
  return problem && problem.replace(/ \(and \d+ more problems?\)$/, '');
}

/** The id of the node drawn at a pointer event's position, if any. */
export function nodeIdAt(event: MouseEvent | TouchEvent): string | null {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return null;
  const element = document.elementFromPoint(point.clientX, point.clientY);
  return element?.closest('.react-flow__node')?.getAttribute('data-id') ?? null;
}
