// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StatusLine } from '../../../src/app/StatusLine.tsx';
import { createEditorStore } from '../../../src/state/editor-store.ts';
import { EditorProvider } from '../../../src/state/EditorProvider.tsx';
import { convValidDoc } from '../state/fixtures.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function setup(engineReady = true) {
  const store = createEditorStore(convValidDoc());
  if (engineReady) store.setEngine('ready');
  render(
    <EditorProvider store={store}>
      <StatusLine />
    </EditorProvider>,
  );
  return { store, engineText: () => document.querySelector('.cf-engine')!.textContent };
}

describe('StatusLine', () => {
  // Until the engine's first report, every node of the graph (2) is being computed.
  it('counts the seconds of a long computation and says how to stop it', () => {
    const { engineText } = setup();
    expect(engineText()).toBe('computing 2 nodes…');
    act(() => vi.advanceTimersByTime(2000));
    expect(engineText()).toBe('computing 2 nodes…');
    act(() => vi.advanceTimersByTime(2000));
    expect(engineText()).toBe(
      'computing 2 nodes… 4 s; an edit or Undo takes over after the current node',
    );
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('counts a first evaluation too, while the engine is still starting', () => {
    const { engineText } = setup(false);
    expect(engineText()).toBe('engine starting…');
    act(() => vi.advanceTimersByTime(3000));
    expect(engineText()).toBe(
      'engine starting… 3 s; an edit or Undo takes over after the current node',
    );
  });

  it('starts counting again from zero after a restart', () => {
    const { store, engineText } = setup();
    act(() => vi.advanceTimersByTime(5000));
    expect(engineText()).toMatch(/ 5 s;/);
    act(() => store.setEngine('restarting'));
    expect(engineText()).toBe('engine restarting…');
    act(() => store.setEngine('ready'));
    expect(engineText()).toBe('computing 2 nodes…');
  });
});
