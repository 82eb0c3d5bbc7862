// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TensorHeatmap } from '../../../src/panels/heatmap/TensorHeatmap.tsx';

afterEach(cleanup);

const tensor = (shape: number[], n: number) => ({
  shape,
  data: Float32Array.from({ length: n }, (_, i) => i),
});

describe('TensorHeatmap highlight', () => {
  it('x=[3,3,2] marks exactly the highlighted cells of each channel', () => {
    const highlight = new Uint8Array(18);
    highlight[0] = 1; // (0,0) ch 0
    highlight[9] = 1; // (1,1) ch 1
    render(<TensorHeatmap nodeId="c" tensor={tensor([3, 3, 2], 18)} highlight={highlight} />);
    const marked = (name: string) =>
      within(screen.getByRole('grid', { name }))
        .getAllByRole('gridcell')
        .map((c, i) => (c.classList.contains('hm-highlight') ? i : -1))
        .filter((i) => i >= 0);
    expect(marked('c channel 0')).toEqual([0]);
    expect(marked('c channel 1')).toEqual([4]);
  });

  it('a mask of the wrong length is ignored', () => {
    render(
      <TensorHeatmap nodeId="c" tensor={tensor([2, 2, 1], 4)} highlight={new Uint8Array(3)} />,
    );
    expect(document.querySelectorAll('.hm-highlight')).toHaveLength(0);
  });
});
