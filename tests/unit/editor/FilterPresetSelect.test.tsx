// @vitest-environment jsdom
import { plain } from '../helpers.ts';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FilterPresetSelect } from '../../../src/editor/filters/FilterPresetSelect.tsx';
import type { NodeOf } from '../../../src/graph/types.ts';
import { createEditorStore, type EditorStore } from '../../../src/state/editor-store.ts';
import { EditorProvider } from '../../../src/state/EditorProvider.tsx';
import rgb from '../../../presets/03-rgb-input.json';
import { convValidDoc, doc } from '../state/fixtures.ts';

afterEach(cleanup);

const conv = (store: EditorStore) =>
  store.getState().doc.nodes.find((n) => n.id === 'conv') as NodeOf<'Conv2D'>;

function renderFor(store: EditorStore) {
  const view = render(
    <EditorProvider store={store}>
      <FilterPresetSelect node={conv(store)} />
    </EditorProvider>,
  );
  // The node component re-renders with the new node after an edit; so does this test.
  const rerender = () =>
    view.rerender(
      <EditorProvider store={store}>
        <FilterPresetSelect node={conv(store)} />
      </EditorProvider>,
    );
  return { select: screen.getByRole('combobox', { name: 'classic filter' }), rerender };
}

describe('FilterPresetSelect', () => {
  it("shows the slides' diagonal; Sobel x is one edit of a 3×3×1×1 kernel", () => {
    const store = createEditorStore(convValidDoc());
    const { select, rerender } = renderFor(store);
    expect((select as HTMLSelectElement).value).toBe('diagonal');
    const before = store.getState().revision;
    fireEvent.change(select, { target: { value: 'sobel-x' } });
    expect(store.getState().revision).toBe(before + 1);
    expect(plain(conv(store).params.kernel)).toEqual({
      shape: [3, 3, 1, 1],
      data: [-1, 0, 1, -2, 0, 2, -1, 0, 1],
    });
    rerender();
    expect((screen.getByRole('combobox') as HTMLSelectElement).value).toBe('sobel-x');
    expect(screen.getByText(/^finds vertical edges/)).toBeTruthy();
  });

  it('an RGB input: the kernel is 3×3×3×filters and the note says it is replicated', () => {
    const store = createEditorStore(doc(rgb));
    const { select, rerender } = renderFor(store);
    fireEvent.change(select, { target: { value: 'laplacian' } });
    const { kernel } = conv(store).params;
    expect('shape' in kernel && kernel.shape).toEqual([3, 3, 3, conv(store).params.filters]);
    rerender();
    expect(screen.getByText(/same filter on each of the 3 input channels/)).toBeTruthy();
  });
});
