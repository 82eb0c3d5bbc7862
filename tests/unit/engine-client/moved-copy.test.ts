import { describe, expect, it } from 'vitest';
import { inOrder, movedCopy } from '../../../src/engine-client/moved-copy.ts';

const big = (n: number) => new Float32Array(n).map((_, i) => i * 0.5);

describe('movedCopy', () => {
  it('copies large tensors into buffers of their own, to move; small ones and the rest stay', async () => {
    const kernel = big(2_500_000);
    const bias = Float32Array.of(1, 2, 3);
    const edits = [
      { kind: 'setParams', id: 'd', params: { kernel: { shape: [2500, 1000], data: kernel } } },
      { kind: 'setParams', id: 'd', params: { bias: { shape: [3], data: bias } } },
    ];
    let pauses = 0;
    const { value, buffers } = await movedCopy(edits, async () => void pauses++);
    const moved = value[0]!.params.kernel!.data;
    expect(moved === kernel, 'a copy').toBe(false);
    // Compared by a loop: a deep equality of millions of values takes seconds.
    expect(moved.length).toBe(kernel.length);
    expect(moved.every((v, i) => v === kernel[i])).toBe(true);
    expect(buffers).toHaveLength(1);
    expect(buffers[0]).toBe(moved.buffer);
    expect(value[1]!.params.bias!.data).toBe(bias);
    expect(value[0]!.params.kernel!.shape).toEqual([2500, 1000]);
    // 2.5 M values copied in slices of about a million, the event loop turning between them.
    expect(pauses).toBeGreaterThanOrEqual(2);
    // Moving the copy leaves the page's own array whole.
    structuredClone(value, { transfer: buffers });
    expect(moved.length).toBe(0);
    expect(kernel.length).toBe(2_500_000);
    expect(kernel[2_499_999]).toBe(2_499_999 * 0.5);
  });

  it('has a value with nothing large to copy at once, not a promise', () => {
    const cells = Float32Array.of(0.5, 1);
    const edits = [{ kind: 'setCells', id: 'x', param: 'tensor', cells: [[0, 1]], values: cells }];
    const moved = movedCopy(edits, () => Promise.reject(new Error('no pause wanted')));
    expect(moved).not.toBeInstanceOf(Promise);
    expect((moved as Awaited<typeof moved>).value[0]!.values).toBe(cells);
    expect((moved as Awaited<typeof moved>).buffers).toEqual([]);
  });
});

describe('inOrder', () => {
  it('posts calls in the order made, each once ready, without waiting for earlier answers', async () => {
    const post = inOrder();
    const posted: string[] = [];
    let finishCopy = () => {};
    const copying = new Promise<void>((resolve) => (finishCopy = resolve));
    const never = new Promise<string>(() => {});
    // A slow evaluation that never answers, then an apply still copying, then an evaluate.
    void post(async () => () => (posted.push('evaluate 1'), never));
    const apply = post(async () => {
      await copying;
      return () => (posted.push('apply'), Promise.resolve('applied'));
    });
    const evaluate = post(async () => () => (posted.push('evaluate 2'), Promise.resolve('done')));
    await new Promise((r) => setTimeout(r, 5));
    expect(posted).toEqual(['evaluate 1']);
    finishCopy();
    expect(await apply).toBe('applied');
    expect(await evaluate).toBe('done');
    expect(posted).toEqual(['evaluate 1', 'apply', 'evaluate 2']);
  });

  it('posts a ready call within the call itself when nothing waits ahead of it', async () => {
    const post = inOrder();
    const posted: string[] = [];
    const answer = post(() => () => (posted.push('apply'), Promise.resolve('applied')));
    expect(posted).toEqual(['apply']);
    void post(() => () => (posted.push('evaluate'), Promise.resolve('done')));
    expect(posted).toEqual(['apply', 'evaluate']);
    expect(await answer).toBe('applied');
  });

  it('queues a ready call behind one still copying, and posts at once again after it', async () => {
    const post = inOrder();
    const posted: string[] = [];
    let finishCopy = () => {};
    const copying = new Promise<void>((resolve) => (finishCopy = resolve));
    const load = post(() =>
      copying.then(() => () => (posted.push('load'), Promise.resolve('loaded'))),
    );
    const apply = post(() => () => (posted.push('apply'), Promise.resolve('applied')));
    expect(posted).toEqual([]);
    finishCopy();
    expect(await load).toBe('loaded');
    expect(await apply).toBe('applied');
    expect(posted).toEqual(['load', 'apply']);
    void post(() => () => (posted.push('evaluate'), Promise.resolve('done')));
    expect(posted).toEqual(['load', 'apply', 'evaluate']);
  });

  it('turns a failure to post into a rejected answer, and goes on posting', async () => {
    const post = inOrder();
    const failed = post<string>(() => () => {
      throw new Error('could not be cloned');
    });
    await expect(failed).rejects.toThrow('could not be cloned');
    expect(await post(() => () => Promise.resolve('next'))).toBe('next');
  });
});
