/**
 * Node outputs in shared memory, read by the page where they lie instead of copied for it.
 *
 * Without this, every report copies each recomputed output so that the copy can be moved to
 * the page while the engine keeps its own for later edits: on a 224×224 graph, 6 MB and a
 * quarter of an edit's worker time. With a `SharedArrayBuffer` (a cross-origin isolated page)
 * both sides hold the same memory, and the rule that keeps it safe is:
 *
 * - an output given to the page is *lent* (`lend`, numbered by a lease): the engine never
 *   writes it while it is lent, and computes the node's next output into another array;
 * - the page gives a lease back (`release`) once a newer output of that node replaced it;
 * - an array comes back for reuse (`take`) only when the page has given it back and the
 *   engine no longer holds it (`retire`): reuse never overwrites what either side reads.
 *
 * The engine's session asks `take` for a node's output array, `held` before reusing an
 * output of its own, and `retire`s lent arrays it lets go.
 */
export interface OutputMemory {
  /**
   * An array of `length` values that nothing reads, new or given back; undefined for an
   * output too small to be worth sharing (its copy costs less than a shared allocation).
   */
  take(length: number): Float32Array | undefined;
  /** An array from `take` that was not used after all. */
  giveBack(data: Float32Array): void;
  /** Whether the page may still read `data`: then the engine must not write it. */
  held(data: Float32Array): boolean;
  /** The engine lets go of a held array: it is reused once the page gives it back too. */
  retire(data: Float32Array): void;
}

interface Loan {
  data: Float32Array;
  /** The engine let go of it: only the page's lease keeps it from reuse. */
  retired: boolean;
}

/** Leases the page never returns (a node removed, a page gone) are forgotten past this. */
const MAX_LOANS = 512;
/** Given-back arrays kept per length, and in all (bytes), for reuse. */
const MAX_FREE_PER_LENGTH = 4;
const MAX_FREE_BYTES = 256 * 1024 * 1024;
/**
 * Outputs of fewer values are copied for the page as before: a copy of 16 KB takes well under
 * a microsecond, a new SharedArrayBuffer several.
 */
export const SHARE_FROM_VALUES = 4096;

/** Whether outputs can be shared with the page here (a cross-origin isolated context). */
export function canShareOutputs(): boolean {
  // Node (the CLI, tests) has no such flag and always shares; a page shares when isolated.
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  return typeof SharedArrayBuffer === 'function' && isolated !== false;
}

export class SharedOutputs implements OutputMemory {
  private loans = new Map<number, Loan>();
  private leaseOf = new Map<Float32Array, number>();
  private free = new Map<number, Float32Array[]>();
  private freeBytes = 0;
  private nextLease = 1;

  take(length: number): Float32Array | undefined {
    if (length < SHARE_FROM_VALUES) return undefined;
    const reused = this.free.get(length)?.pop();
    if (reused) {
      this.freeBytes -= reused.byteLength;
      return reused;
    }
    return new Float32Array(new SharedArrayBuffer(length * Float32Array.BYTES_PER_ELEMENT));
  }

  giveBack(data: Float32Array): void {
    if (isShared(data)) this.keep(data);
  }

  held(data: Float32Array): boolean {
    return this.leaseOf.has(data);
  }

  retire(data: Float32Array): void {
    const lease = this.leaseOf.get(data);
    if (lease !== undefined) this.loans.get(lease)!.retired = true;
  }

  /**
   * Lend `data` to the page: its lease, or null when it is not in shared memory (the page then
   * gets a copy). Lending an array already lent gives its lease again.
   */
  lend(data: Float32Array): number | null {
    if (!isShared(data)) return null;
    const known = this.leaseOf.get(data);
    if (known !== undefined) return known;
    const lease = this.nextLease++;
    this.loans.set(lease, { data, retired: false });
    this.leaseOf.set(data, lease);
    if (this.loans.size > MAX_LOANS) this.forgetOldest();
    return lease;
  }

  /** The page no longer reads these: reuse each once the engine has let go of it too. */
  release(leases: readonly number[]): void {
    for (const lease of leases) {
      const loan = this.loans.get(lease);
      if (!loan) continue;
      this.loans.delete(lease);
      this.leaseOf.delete(loan.data);
      if (loan.retired) this.keep(loan.data);
    }
  }

  /** How many arrays are lent now, and kept for reuse (what the tests check). */
  get counts(): { lent: number; free: number } {
    let free = 0;
    for (const list of this.free.values()) free += list.length;
    return { lent: this.loans.size, free };
  }

  private keep(data: Float32Array): void {
    const list = this.free.get(data.length) ?? [];
    if (list.length >= MAX_FREE_PER_LENGTH || this.freeBytes + data.byteLength > MAX_FREE_BYTES)
      return;
    list.push(data);
    this.free.set(data.length, list);
    this.freeBytes += data.byteLength;
  }

  /** Drop the oldest retired loan from the books (its memory goes when the page drops it). */
  private forgetOldest(): void {
    for (const [lease, loan] of this.loans)
      if (loan.retired) {
        this.loans.delete(lease);
        this.leaseOf.delete(loan.data);
        return;
      }
  }
}

/**
 * Whether `data` lies in shared memory. Small arrays never do, and are not asked: V8 keeps a
 * small typed array's values on its heap, and reading `.buffer` would move them out.
 */
function isShared(data: Float32Array): boolean {
  return (
    data.length >= SHARE_FROM_VALUES &&
    typeof SharedArrayBuffer === 'function' &&
    data.buffer instanceof SharedArrayBuffer
  );
}
