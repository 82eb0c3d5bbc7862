import type { GraphDocument } from '../graph/types.ts';
import type { PersistApi, SaveRequest, SaveResult } from './persist-api.ts';

/**
 * Tensor data at least this long crosses to the persistence worker once, then by reference:
 * a document's arrays are never written in place (an edit makes a new one), so an array
 * the worker already holds is the same values.
 */
export const MIRROR_MIN_VALUES = 4096;
/** Values per message: slicing and posting one (4 MiB) costs the page a few milliseconds. */
export const SLICE_VALUES = 1 << 20;

/** One part of a tensor's data on its way to the worker. */
export interface TensorSlice {
  id: number;
  /** Length of the whole array. */
  total: number;
  offset: number;
  values: Float32Array;
}

/** Stands for tensor data the worker holds. */
export interface TensorRef {
  tensorRef: number;
}

/** A document whose large tensor data are `TensorRef`s: what a save sends. */
export type WireDocument = unknown;

/**
 * The page's side of the mirror: which arrays the worker holds, by identity. `prepare`
 * sends what it lacks, a slice per message (each awaited, so the page gets its turn between
 * them), and gives the document with references in their place.
 */
export interface TensorMirror {
  prepare(
    doc: GraphDocument,
    send: (slice: TensorSlice) => Promise<void>,
  ): Promise<{ wire: WireDocument; refs: number[] }>;
  /** The worker answered a save of `refs`: it holds those and nothing else. */
  settled(refs: number[]): void;
  /** The worker lost what it held (it restarted): send everything again. */
  reset(): void;
}

export function createTensorMirror(): TensorMirror {
  const ids = new WeakMap<object, number>();
  let next = 1;
  let held = new Set<number>();
  const idOf = (data: object) => {
    let id = ids.get(data);
    if (id === undefined) ids.set(data, (id = next++));
    return id;
  };
  return {
    prepare: async (doc, send) => {
      const refs: number[] = [];
      const nodes = [];
      for (const node of doc.nodes) {
        let params: Record<string, unknown> | null = null;
        for (const [key, value] of Object.entries(node.params ?? {})) {
          const data = largeData(value);
          if (!data) continue;
          const id = idOf(data);
          if (!held.has(id)) await sendSliced(id, data, send);
          held.add(id);
          refs.push(id);
          params ??= { ...node.params };
          params[key] = { ...(value as object), data: { tensorRef: id } satisfies TensorRef };
        }
        nodes.push(params ? { ...node, params } : node);
      }
      return { wire: { ...doc, nodes }, refs };
    },
    settled: (refs) => {
      held = new Set(refs);
    },
    reset: () => {
      held = new Set();
    },
  };
}

function largeData(value: unknown): Float32Array | null {
  const data = (value as { data?: unknown } | null)?.data;
  return data instanceof Float32Array && data.length >= MIRROR_MIN_VALUES ? data : null;
}

async function sendSliced(
  id: number,
  data: Float32Array,
  send: (slice: TensorSlice) => Promise<void>,
): Promise<void> {
  for (let offset = 0; offset < data.length; offset += SLICE_VALUES) {
    // A copy of the part alone: cloning a subarray view would copy its whole buffer.
    const values = data.slice(offset, offset + SLICE_VALUES);
    await send({ id, total: data.length, offset, values });
  }
}

/**
 * Save through the worker with the mirror: send what it lacks, then the document with
 * references. A worker that lost its tensors (restarted) answers null: send all again.
 */
export function mirroredSave(
  api: Pick<PersistApi, 'putSlice' | 'save'>,
  mirror: TensorMirror = createTensorMirror(),
): (request: SaveRequest) => Promise<SaveResult> {
  const send = async (slice: TensorSlice) => api.putSlice(slice);
  return async (request) => {
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const { wire, refs } = await mirror.prepare(request.doc, send);
        const result = await api.save({ ...request, doc: wire });
        if (result) {
          mirror.settled(refs);
          return result;
        }
        mirror.reset();
      }
    } catch (e) {
      mirror.reset();
      throw e;
    }
    throw new Error('the persistence worker lost the tensors sent to it');
  };
}

/** The worker's side: tensors put together from slices, by id. */
export interface TensorStore {
  put(slice: TensorSlice): void;
  /**
   * The document with references replaced by the data they stand for, or null when one is
   * missing or incomplete. Afterwards only the tensors it refers to are kept.
   */
  resolve(wire: WireDocument): GraphDocument | null;
}

export function createTensorStore(): TensorStore {
  const tensors = new Map<number, { values: Float32Array; received: number }>();
  return {
    put: ({ id, total, offset, values }) => {
      let entry = tensors.get(id);
      // A tensor is always sent from its start: a first slice begins it afresh.
      if (!entry || offset === 0)
        tensors.set(id, (entry = { values: new Float32Array(total), received: 0 }));
      entry.values.set(values, offset);
      entry.received += values.length;
    },
    resolve: (wire) => {
      const used = new Set<number>();
      const doc = wire as GraphDocument;
      const nodes = [];
      for (const node of doc.nodes) {
        let params: Record<string, unknown> | null = null;
        for (const [key, value] of Object.entries(node.params ?? {})) {
          const ref = (value as { data?: Partial<TensorRef> } | null)?.data?.tensorRef;
          if (ref === undefined) continue;
          const entry = tensors.get(ref);
          if (!entry || entry.received !== entry.values.length) return null;
          used.add(ref);
          params ??= { ...node.params };
          params[key] = { ...(value as object), data: entry.values };
        }
        nodes.push(params ? { ...node, params } : node);
      }
      for (const id of tensors.keys()) if (!used.has(id)) tensors.delete(id);
      return { ...doc, nodes } as GraphDocument;
    },
  };
}
