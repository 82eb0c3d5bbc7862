/** Anything that can be written into kernel memory: packed panels, see pack.ts. */
export interface Uploadable {
  readonly data: Float32Array;
}

interface Block {
  offset: number;
  size: number;
  owner: Uploadable | null;
  /** When the owner was last used, for least-recently-used eviction. */
  used: number;
}

/**
 * Packed weights kept in kernel memory between calls, so a layer whose weights did not
 * change never copies them again (a 9216×128 Dense kernel is 4.7 MB). Blocks are placed
 * first-fit and merged when freed; the region grows up to `budget` bytes, past which the
 * least recently used weights are evicted (they are uploaded again if used again).
 * The engine frees a layer's weights when an edit replaces them, so editing a layer 1,000
 * times reuses the same bytes instead of growing memory.
 */
export class ResidentWeights {
  private blocks: Block[] = [];
  private where = new WeakMap<Uploadable, Block>();
  private capacity = 0;
  private clock = 0;

  /** `ensure(bytes)` makes the memory at least that large. */
  constructor(
    private readonly base: number,
    private readonly budget: number,
    private readonly ensure: (bytes: number) => void,
  ) {}

  /** End of the region (byte address): scratch starts above it. */
  get end(): number {
    return this.base + this.capacity;
  }

  /** Byte address of the weights in memory, uploading them first if they are not there. */
  locate(weights: Uploadable, memory: () => Float32Array): number {
    let block = this.where.get(weights);
    if (!block) {
      block = this.allocate(weights.data.byteLength);
      block.owner = weights;
      this.where.set(weights, block);
      memory().set(weights.data, (this.base + block.offset) >> 2);
    }
    block.used = ++this.clock;
    return this.base + block.offset;
  }

  /**
   * The floats from `from` on changed in `weights.data` (a packed bias): write them over the
   * resident copy, if there is one, instead of uploading the whole kernel again.
   */
  refresh(weights: Uploadable, from: number, memory: () => Float32Array): void {
    const block = this.where.get(weights);
    if (block) memory().set(weights.data.subarray(from), ((this.base + block.offset) >> 2) + from);
  }

  /** Forget these weights: their bytes are free for others. */
  release(weights: Uploadable): void {
    const block = this.where.get(weights);
    if (block) this.free(block);
  }

  private allocate(bytes: number): Block {
    const size = Math.ceil(bytes / 64) * 64;
    for (;;) {
      const index = this.blocks.findIndex((b) => b.owner === null && b.size >= size);
      if (index >= 0) return this.split(index, size);
      const inUse = this.blocks.filter((b) => b.owner !== null);
      if (this.capacity + size <= this.budget || inUse.length === 0) this.extend(size);
      else this.free(inUse.reduce((a, b) => (a.used <= b.used ? a : b)));
    }
  }

  private split(index: number, size: number): Block {
    const block = this.blocks[index];
    if (block.size > size) {
      this.blocks.splice(index + 1, 0, {
        offset: block.offset + size,
        size: block.size - size,
        owner: null,
        used: 0,
      });
      block.size = size;
    }
    return block;
  }

  private extend(size: number): void {
    // At least double, so the scratch above (which moves with it) rarely moves.
    const grow = Math.max(size, Math.min(this.capacity, this.budget - this.capacity));
    const last = this.blocks[this.blocks.length - 1];
    if (last && last.owner === null) last.size += grow;
    else this.blocks.push({ offset: this.capacity, size: grow, owner: null, used: 0 });
    this.capacity += grow;
    this.ensure(this.base + this.capacity);
  }

  private free(block: Block): void {
    if (block.owner) this.where.delete(block.owner);
    block.owner = null;
    const i = this.blocks.indexOf(block);
    const next = this.blocks[i + 1];
    if (next && next.owner === null) {
      block.size += next.size;
      this.blocks.splice(i + 1, 1);
    }
    const prev = this.blocks[i - 1];
    if (prev && prev.owner === null) {
      prev.size += block.size;
      this.blocks.splice(i, 1);
    }
  }
}
