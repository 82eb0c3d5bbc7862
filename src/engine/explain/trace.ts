import type { NodeShape } from '../../graph/shape-inference.ts';
import type { GraphDocument, GraphNode } from '../../graph/types.ts';
import { sizeOf } from '../../graph/shape.ts';

/** Per node, a mask over its output (1 = influences the traced cells). */
export type Influence = Map<string, Uint8Array>;

/**
 * The cells upstream that influence the given output cells of `nodeId`: its receptive field,
 * walked back through every layer to the Input.
 * @example traceUpstream(doc, shapes, 'pool', [0]) // mask over conv's and input's cells
 */
export function traceUpstream(
  doc: Pick<GraphDocument, 'nodes' | 'edges'>,
  shapes: Map<string, NodeShape>,
  nodeId: string,
  cells: readonly number[],
): Influence {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const inputOf = new Map(doc.edges.map((e) => [e.target, e.source]));
  const result: Influence = new Map();
  let id: string | undefined = nodeId;
  let mask = maskOf(shapes.get(nodeId), cells);
  while (id !== undefined && mask) {
    result.set(id, mask);
    const source = inputOf.get(id);
    const inShape = source === undefined ? undefined : shapes.get(source);
    if (!source || !inShape?.ok) break;
    mask = backward(byId.get(id)!, shapes.get(id)!, inShape.shape, mask);
    id = source;
  }
  return result;
}

function maskOf(shape: NodeShape | undefined, cells: readonly number[]): Uint8Array | undefined {
  if (!shape?.ok) return undefined;
  const mask = new Uint8Array(sizeOf(shape.shape));
  for (const i of cells) if (i >= 0 && i < mask.length) mask[i] = 1;
  return mask;
}

function backward(
  node: GraphNode,
  shape: NodeShape,
  inShape: number[],
  out: Uint8Array,
): Uint8Array {
  const into = new Uint8Array(sizeOf(inShape));
  if (!shape.ok) return into;
  switch (node.type) {
    case 'Conv2D':
    case 'MaxPool':
      windowBackward(shape, out, into, node.type === 'Conv2D');
      break;
    case 'Dense':
      denseBackward(shape.shape, inShape, out, into);
      break;
    default:
      into.set(out.subarray(0, into.length));
  }
  return into;
}

function windowBackward(
  shape: Extract<NodeShape, { ok: true }>,
  out: Uint8Array,
  into: Uint8Array,
  allChannels: boolean,
): void {
  const g = shape.window!;
  const outC = shape.shape[2];
  for (let i = 0; i < out.length; i++) {
    if (!out[i]) continue;
    const oc = i % outC;
    const ox = Math.floor(i / outC) % g.outW;
    const oy = Math.floor(i / (outC * g.outW));
    for (let ky = 0; ky < g.kh; ky++) {
      const iy = oy * g.sh - g.padTop + ky;
      if (iy < 0 || iy >= g.inH) continue;
      for (let kx = 0; kx < g.kw; kx++) {
        const ix = ox * g.sw - g.padLeft + kx;
        if (ix < 0 || ix >= g.inW) continue;
        const base = (iy * g.inW + ix) * g.inC;
        if (allChannels) into.fill(1, base, base + g.inC);
        else into[base + oc] = 1;
      }
    }
  }
}

function denseBackward(
  outShape: number[],
  inShape: number[],
  out: Uint8Array,
  into: Uint8Array,
): void {
  const units = outShape[outShape.length - 1];
  const inUnits = inShape[inShape.length - 1];
  for (let i = 0; i < out.length; i++) {
    if (!out[i]) continue;
    const row = Math.floor(i / units);
    into.fill(1, row * inUnits, (row + 1) * inUnits);
  }
}
