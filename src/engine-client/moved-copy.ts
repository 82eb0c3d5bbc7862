/** Typed arrays from this many elements on are copied and moved; smaller ones are cloned. */
const MOVE_FROM_ELEMENTS = 16_384;
/** Elements copied per task: 4 MB, a few milliseconds, so no copy is a long task. */
const SLICE_ELEMENTS = 1 << 20;

/** Gives the event loop a turn (a macrotask). */
export type Pause = () => Promise<void>;

/** A value ready to post, and the buffers to transfer with it. */
export interface Moved<T> {
  value: T;
  buffers: ArrayBuffer[];
}

/**
 * `value` ready to post to a worker: every large typed array replaced by a copy, whose buffer
 * is listed to transfer (comlink's `transfer`), the rest as it is. Posting a 9.4 M-weight Dense
 * cloned its kernel inside `postMessage`: 144 ms of the page's thread in one task. Copied
 * here in 4 MB slices with the event loop turning between them, and moved, the page never
 * stops for long. The page keeps its own arrays: documents are never written in place, and
 * the undo history holds them. With nothing large to copy (a parameter, a few cells) the
 * result is there at once, not a promise: the edit can be posted before the page renders it.
 */
export function movedCopy<T>(value: T, pause: Pause): Moved<T> | Promise<Moved<T>> {
  const buffers: ArrayBuffer[] = [];
  const large: [Float32Array, Float32Array][] = [];
  const copy = (v: unknown): unknown => {
    if (ArrayBuffer.isView(v)) {
      if (!(v instanceof Float32Array) || v.length < MOVE_FROM_ELEMENTS) return v;
      const moved = new Float32Array(v.length);
      large.push([v, moved]);
      buffers.push(moved.buffer);
      return moved;
    }
    if (Array.isArray(v)) return v.map(copy);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = copy(x);
    return out;
  };
  const moved = { value: copy(value) as T, buffers };
  return large.length === 0 ? moved : copySlices(large, pause).then(() => moved);
}

async function copySlices(large: [Float32Array, Float32Array][], pause: Pause): Promise<void> {
  let sinceTurn = 0;
  for (const [from, to] of large) {
    for (let at = 0; at < from.length; at += SLICE_ELEMENTS) {
      if (sinceTurn >= SLICE_ELEMENTS) {
        await pause();
        sinceTurn = 0;
      }
      const end = Math.min(from.length, at + SLICE_ELEMENTS);
      to.set(from.subarray(at, end), at);
      sinceTurn += end - at;
    }
  }
}

/** Posts a call and gives its answer. */
export type Post<R> = () => Promise<R>;

/** A call's post, at once when its arguments are ready, else once they are. */
export type Ready<R> = Post<R> | Promise<Post<R>>;

/**
 * Calls posted strictly in the order they are made, each once its arguments are ready: an
 * `apply` whose tensors are still being copied holds back the `evaluate` after it (it must
 * see the edit), but never waits for an earlier call's answer, so an edit still reaches the
 * worker while it evaluates. A call that nothing waits ahead of and whose arguments are ready
 * is posted within the call itself: an edit made in an event handler reaches the worker
 * before the page renders it, and the two work at the same time.
 */
export function inOrder(): <R>(ready: () => Ready<R>) => Promise<R> {
  let posted: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  const queue = <R>(ready: () => Ready<R>): Promise<R> => {
    waiting++;
    // The answer is boxed: a promise in a chain would be waited for, not passed along.
    const sent = posted
      .then(ready)
      .then((post) => ({ answer: post() }))
      .finally(() => waiting--);
    posted = sent.catch(() => undefined);
    return sent.then((s) => s.answer);
  };
  return <R>(ready: () => Ready<R>): Promise<R> => {
    if (waiting > 0) return queue(ready);
    try {
      const now = ready();
      return typeof now === 'function' ? now() : queue(() => now);
    } catch (e) {
      return Promise.reject(e);
    }
  };
}
