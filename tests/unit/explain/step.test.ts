import { describe, expect, it } from 'vitest';
import { windowInfo, type WindowInfo } from '../../../src/graph/window.ts';
import type { NodeShapeOk } from '../../../src/graph/shape-inference.ts';
import { createInspectStore } from '../../../src/panels/inspect/inspect-store.ts';
import {
  filledThrough,
  stepPlayback,
  walkOf,
  type Playback,
} from '../../../src/panels/inspect/step.ts';
import { inputView, viewSpan } from '../../../src/panels/explain/view-span.ts';

function geometry(
  input: number[],
  size: [number, number],
  strides: [number, number],
  padding: 'valid' | 'same',
): WindowInfo {
  const g = windowInfo(input, size, strides, padding);
  if (!g.ok) throw new Error(g.error);
  return g.info;
}

function windowShape(g: WindowInfo, channels: number): NodeShapeOk {
  return { ok: true, shape: [g.outH, g.outW, channels], window: g, paramCount: 0, work: 0 };
}

describe('walkOf', () => {
  it('x=[5,5,1] k=[3,3] valid: nine cells left to right, top to bottom', () => {
    const g = geometry([5, 5, 1], [3, 3], [1, 1], 'valid');
    expect(walkOf(windowShape(g, 1), 0)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('x=[5,7,1] k=[2,3] s=[2,2] valid, 2 filters: filter 1 visits every other index', () => {
    const g = geometry([5, 7, 1], [2, 3], [2, 2], 'valid');
    expect([g.outH, g.outW]).toEqual([2, 3]);
    expect(walkOf(windowShape(g, 2), 1)).toEqual([1, 3, 5, 7, 9, 11]);
  });

  it('a node without a window (Dense, Flatten) walks its indices in order', () => {
    const shape: NodeShapeOk = { ok: true, shape: [4], paramCount: 0, work: 0 };
    expect(walkOf(shape, 0)).toEqual([0, 1, 2, 3]);
  });
});

describe('stepPlayback', () => {
  const walk = [0, 2, 4, 6];
  const at = (index: number, playing = false): Playback => ({ index, playing });

  it('forward and back move one cell and pause; they stop at the ends', () => {
    expect(stepPlayback(walk, at(2, true), 'forward')).toEqual(at(4));
    expect(stepPlayback(walk, at(6), 'forward')).toEqual(at(6));
    expect(stepPlayback(walk, at(2), 'back')).toEqual(at(0));
    expect(stepPlayback(walk, at(0), 'back')).toEqual(at(0));
    expect(stepPlayback(walk, at(4), 'first')).toEqual(at(0));
    expect(stepPlayback(walk, at(0), 'last')).toEqual(at(6));
  });

  it('play from the end starts over; a tick moves on and stops at the last cell', () => {
    expect(stepPlayback(walk, at(6), 'play')).toEqual(at(0, true));
    expect(stepPlayback(walk, at(2), 'play')).toEqual(at(2, true));
    expect(stepPlayback(walk, at(2, true), 'tick')).toEqual(at(4, true));
    expect(stepPlayback(walk, at(4, true), 'tick')).toEqual(at(6, false));
    expect(stepPlayback(walk, at(4), 'tick')).toEqual(at(4));
    expect(stepPlayback(walk, at(4, true), 'pause')).toEqual(at(4));
  });

  it('a cell off the walk steps onto its start', () => {
    expect(stepPlayback(walk, at(3), 'forward')).toEqual(at(0));
    expect(stepPlayback(walk, at(3), 'play')).toEqual(at(0, true));
  });

  it('the slide walk fills 3 0 1 / 0 2 0 / 1 0 3 cell by cell', () => {
    const nine = [0, 1, 2, 3, 4, 5, 6, 7, 8];
    expect([...filledThrough(nine, 0, 9)]).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect([...filledThrough(nine, 4, 9)]).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0]);
    expect([...filledThrough(nine, 8, 9)]).toEqual(Array(9).fill(1));
    expect([...filledThrough([1, 3], 3, 4)]).toEqual([0, 1, 0, 1]);
  });
});

describe('inspect store', () => {
  it('steps the focus along a walk and plays until the end', () => {
    const store = createInspectStore();
    store.step([0, 1], 'forward'); // nothing focused: nothing happens
    expect(store.getState().focus).toBeNull();
    store.focusCell('conv', 0);
    store.step([0, 1, 2], 'play');
    store.step([0, 1, 2], 'tick');
    expect(store.getState()).toMatchObject({ focus: { nodeId: 'conv', index: 1 }, playing: true });
    store.step([0, 1, 2], 'tick');
    expect(store.getState()).toMatchObject({ focus: { index: 2 }, playing: false });
  });

  it('keeps answers per node; a cell shown after a right answer stays right', () => {
    const store = createInspectStore();
    store.answer('conv', 0, '3');
    store.show('conv', 0, true);
    store.show('conv', 1, false);
    expect(store.getState().answers.get('conv')?.get(0)).toBe('3');
    expect([...(store.getState().shown.get('conv') ?? [])]).toEqual([1]);
    store.reset();
    expect(store.getState().answers.size).toBe(0);
  });
});

describe('viewSpan', () => {
  it('x=[5,5] same k=3: the whole padded input, border included', () => {
    const g = geometry([5, 5, 1], [3, 3], [1, 1], 'same');
    expect(inputView(g, 0, 0)).toEqual({ rows: { from: -1, to: 6 }, cols: { from: -1, to: 6 } });
  });

  it('x=[28] k=3: eleven cells around the window, kept inside the input', () => {
    expect(viewSpan(0, 3, 28, 0, 0)).toEqual({ from: 0, to: 11 });
    expect(viewSpan(12, 3, 28, 0, 0)).toEqual({ from: 8, to: 19 });
    expect(viewSpan(25, 3, 28, 0, 0)).toEqual({ from: 17, to: 28 });
  });

  it('a window wider than the view is shown whole', () => {
    expect(viewSpan(2, 13, 40, 0, 0)).toEqual({ from: 2, to: 15 });
  });
});
