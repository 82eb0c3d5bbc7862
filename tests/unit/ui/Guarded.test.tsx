// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEditorStore } from '../../../src/state/editor-store.ts';
import { EditorProvider } from '../../../src/state/EditorProvider.tsx';
import { Guarded } from '../../../src/ui/Guarded.tsx';
import { convValidDoc } from '../state/fixtures.ts';

afterEach(cleanup);

// A chunk whose fetch failed, as React.lazy sees it.
const Unfetchable = lazy(() => Promise.reject(new TypeError('Failed to fetch module')));

describe('Guarded', () => {
  it('a part that fails to load is left out with a notice; the rest of the page stays', async () => {
    // React logs the caught error; the test checks what the reader sees instead.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = createEditorStore(convValidDoc());
    render(
      <EditorProvider store={store}>
        <p>the graph</p>
        <Guarded>
          <Suspense fallback={null}>
            <Unfetchable />
          </Suspense>
        </Guarded>
      </EditorProvider>,
    );
    await vi.waitFor(() => expect(store.getState().notices).toHaveLength(1));
    const [notice] = store.getState().notices;
    expect(notice!.message).toEqual({
      key: 'notice.partFailed',
      params: { reason: 'Failed to fetch module' },
    });
    expect(notice!.action?.label).toEqual({ key: 'notice.reload' });
    expect(screen.getByText('the graph')).toBeTruthy();
    vi.restoreAllMocks();
  });
});
