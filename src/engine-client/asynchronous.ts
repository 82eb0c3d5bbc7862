/**
 * An API as the page calls it across `postMessage`: every method answered asynchronously.
 * comlink's `Remote` would split a union answer into a union of promises; this keeps one.
 */
export type Asynchronous<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};
