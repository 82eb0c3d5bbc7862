// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDelayedFlag } from '../../../src/editor/nodes/useDelayedFlag.ts';

describe('useDelayedFlag', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const hook = (flag: boolean) =>
    renderHook(({ flag }) => useDelayedFlag(flag, 250), { initialProps: { flag } });

  it('turns true only after the flag has stayed true for the delay', () => {
    const { result, rerender } = hook(false);
    rerender({ flag: true });
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(249));
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(true);
  });

  it('turns false at once, and a short true never shows', () => {
    const { result, rerender } = hook(true);
    act(() => vi.advanceTimersByTime(300));
    expect(result.current).toBe(true);
    rerender({ flag: false });
    expect(result.current).toBe(false);
    rerender({ flag: true });
    act(() => vi.advanceTimersByTime(100));
    rerender({ flag: false });
    act(() => vi.advanceTimersByTime(500));
    expect(result.current).toBe(false);
  });

  it('starts the delay again for each new stretch of true', () => {
    const { result, rerender } = hook(true);
    act(() => vi.advanceTimersByTime(200));
    rerender({ flag: false });
    rerender({ flag: true });
    act(() => vi.advanceTimersByTime(200));
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(50));
    expect(result.current).toBe(true);
  });
});
