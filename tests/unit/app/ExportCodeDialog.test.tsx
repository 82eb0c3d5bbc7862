// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportCodeDialog } from '../../../src/app/export/ExportCodeDialog.tsx';
import { createEditorStore } from '../../../src/state/editor-store.ts';
import { EditorProvider } from '../../../src/state/EditorProvider.tsx';
import { convValidDoc } from '../state/fixtures.ts';

afterEach(cleanup);

function open(store = createEditorStore(convValidDoc())) {
  render(
    <EditorProvider store={store}>
      <ExportCodeDialog onClose={() => undefined} />
    </EditorProvider>,
  );
  return within(screen.getByRole('dialog', { name: 'Export as code' }));
}

describe('ExportCodeDialog', () => {
  it('opens on Keras; the TensorFlow.js tab shows the module; arrows switch tabs', () => {
    const dialog = open();
    const keras = dialog.getByRole('tab', { name: 'Keras (Python)' });
    expect(keras.getAttribute('aria-selected')).toBe('true');
    expect(dialog.getByRole('tabpanel').textContent).toContain('def build_model():');
    expect(dialog.getByRole('button', { name: 'Download model.py' })).toBeTruthy();
    fireEvent.click(dialog.getByRole('tab', { name: 'TensorFlow.js' }));
    expect(dialog.getByRole('tabpanel').textContent).toContain('export function buildModel()');
    expect(dialog.getByRole('button', { name: 'Download model.mjs' })).toBeTruthy();
    fireEvent.keyDown(dialog.getByRole('tab', { name: 'TensorFlow.js' }), { key: 'ArrowLeft' });
    expect(keras.getAttribute('aria-selected')).toBe('true');
  });

  it('a node error shows the refusal and turns Copy and Download off', () => {
    const store = createEditorStore(convValidDoc());
    // A 3×3 kernel cannot fit a 2×2 input with valid padding.
    const tensor = { shape: [2, 2, 1], data: [0, 1, 1, 0] };
    expect(store.dispatch([{ kind: 'setParams', id: 'input', params: { tensor } }]).ok).toBe(true);
    const dialog = open(store);
    expect(
      dialog.getByText(/^This graph cannot be exported yet: node "conv" \(Conv2D\)/),
    ).toBeTruthy();
    expect((dialog.getByRole('button', { name: 'Copy' }) as HTMLButtonElement).disabled).toBe(true);
    expect(
      (dialog.getByRole('button', { name: 'Download model.py' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });
});
