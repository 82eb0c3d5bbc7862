// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../src/i18n/I18nProvider.tsx';
import { createLanguageStore } from '../../../src/i18n/language-store.ts';
import { TensorHeatmap } from '../../../src/panels/heatmap/TensorHeatmap.tsx';
import { formatValue } from '../../../src/ui/format-value.ts';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const tensor = (shape: number[], values: number[]) => ({ shape, data: Float32Array.from(values) });
const SLIDE = [3, 0, 1, 0, 2, 0, 1, 0, 3];
const cellTexts = (grid: HTMLElement) =>
  within(grid)
    .getAllByRole('gridcell')
    .map((c) => c.textContent);
/** `rgb(r,g,b)` → [r, g, b] of an element's inline background. */
const bg = (el: HTMLElement) => el.style.background.match(/\d+/g)!.map(Number);

describe('TensorHeatmap: small maps as grids', () => {
  it('x=[3,3,1] is one labelled grid of 3 rows with the slide numbers in row-major order', () => {
    render(<TensorHeatmap nodeId="conv1" tensor={tensor([3, 3, 1], SLIDE)} />);
    const grid = screen.getByRole('grid', { name: 'conv1 channel 0' });
    expect(within(grid).getAllByRole('row')).toHaveLength(3);
    expect(cellTexts(grid)).toEqual(['3', '0', '1', '0', '2', '0', '1', '0', '3']);
    expect(
      within(within(grid).getAllByRole('row')[1]).getAllByRole('gridcell')[1].textContent,
    ).toBe('2');
    expect(screen.getByText('ch 0')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('x=[2,2,3] gives three grids, each reading its own channel from channels-last data', () => {
    const data = Array.from({ length: 12 }, (_, i) => i);
    render(<TensorHeatmap nodeId="c" tensor={tensor([2, 2, 3], data)} />);
    const grids = screen.getAllByRole('grid');
    expect(grids.map((g) => g.getAttribute('aria-label'))).toEqual([
      'c channel 0',
      'c channel 1',
      'c channel 2',
    ]);
    expect(cellTexts(grids[0])).toEqual(['0', '3', '6', '9']);
    expect(cellTexts(grids[1])).toEqual(['1', '4', '7', '10']);
    expect(['ch 0', 'ch 1', 'ch 2'].every((t) => screen.getByText(t))).toBe(true);
  });

  it('x=[5] is a one-row strip labelled as the output', () => {
    render(<TensorHeatmap nodeId="dense1" tensor={tensor([5], [0.5, -1, 2, 0, 0.25])} />);
    const grid = screen.getByRole('grid', { name: 'dense1 output' });
    expect(within(grid).getAllByRole('row')).toHaveLength(1);
    expect(cellTexts(grid)).toEqual(['0.5', '-1', '2', '0', '0.25']);
  });

  it('x=[40] wraps into rows of 16, 16 and 8 cells in index order', () => {
    const data = Array.from({ length: 40 }, (_, i) => i);
    render(<TensorHeatmap nodeId="f" tensor={tensor([40], data)} />);
    const rows = within(screen.getByRole('grid', { name: 'f output' })).getAllByRole('row');
    expect(rows.map((r) => within(r).getAllByRole('gridcell').length)).toEqual([16, 16, 8]);
    expect(within(rows[1]).getAllByRole('gridcell')[0].textContent).toBe('16');
    expect(within(rows[2]).getAllByRole('gridcell')[7].textContent).toBe('39');
  });

  it('long numbers are written short, like the slides', () => {
    render(<TensorHeatmap nodeId="n" tensor={tensor([2, 2, 1], [0.0125, -1.25, 2.5, 12])} />);
    expect(cellTexts(screen.getByRole('grid'))).toEqual(['0.013', '-1.3', '2.5', '12']);
  });
});

describe('TensorHeatmap: live values as pixels', () => {
  it('with pixels, a small map is a canvas, not a grid of numbers; without, a grid again', () => {
    const { rerender } = render(
      <TensorHeatmap nodeId="conv1" tensor={tensor([3, 3, 1], SLIDE)} pixels />,
    );
    expect(screen.queryByRole('grid')).toBeNull();
    expect(screen.getByRole('img', { name: 'conv1 channel 0, 3×3' })).toBeTruthy();
    rerender(<TensorHeatmap nodeId="conv1" tensor={tensor([3, 3, 1], SLIDE)} />);
    expect(cellTexts(screen.getByRole('grid', { name: 'conv1 channel 0' }))).toEqual(
      SLIDE.map(String),
    );
  });
});

describe('TensorHeatmap: large maps as canvases', () => {
  it('x=[17,17,1] draws a labelled canvas, not a grid, and survives jsdom having no 2D context', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const data = Array.from({ length: 289 }, (_, i) => i);
    render(<TensorHeatmap nodeId="in" tensor={tensor([17, 17, 1], data)} />);
    expect(screen.queryByRole('grid')).toBeNull();
    expect(screen.queryAllByRole('gridcell')).toHaveLength(0);
    const img = screen.getByRole('img', { name: 'in channel 0, 17×17' });
    expect(img.tagName).toBe('CANVAS');
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['17', '17']);
  });

  it('paints each channel through ImageData, one pixel per cell', () => {
    const puts: ImageData[] = [];
    const ctx = {
      createImageData: (w: number, h: number) => ({
        width: w,
        height: h,
        data: new Uint8ClampedArray(4 * w * h),
      }),
      putImageData: (img: ImageData) => puts.push(img),
    };
    // getContext is overloaded (2d, webgl, webgpu…); the fake only stands in for '2d'.
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as never);
    // Channel 0 is all zeros except the last cell; channel 1 is all 5.
    const data = new Float32Array(20 * 20 * 2);
    data.fill(5);
    for (let i = 0; i < 400; i++) data[2 * i] = 0;
    data[2 * 399] = 5;
    render(<TensorHeatmap nodeId="x" tensor={{ shape: [20, 20, 2], data }} />);
    expect(puts).toHaveLength(2);
    const [ch0, ch1] = puts;
    expect([ch0.width, ch0.height]).toEqual([20, 20]);
    const px = (img: ImageData, i: number) => Array.from(img.data.slice(4 * i, 4 * i + 4));
    expect(px(ch0, 0)).not.toEqual(px(ch0, 399));
    expect(px(ch0, 399)).toEqual(px(ch1, 0));
    expect(px(ch0, 0)[3]).toBe(255);
  });

  it('after an edit repaints only the changed cells, and all of them when the context comes back', () => {
    const puts: { image: ImageData; rect: number[] }[] = [];
    const ctx = {
      createImageData: (w: number, h: number) => ({
        width: w,
        height: h,
        data: new Uint8ClampedArray(4 * w * h),
      }),
      putImageData: (image: ImageData, _x: number, _y: number, ...rect: number[]) =>
        puts.push({ image, rect }),
    };
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as never);
    const data = Float32Array.from({ length: 400 }, (_, i) => i % 7);
    const { rerender } = render(<TensorHeatmap nodeId="x" tensor={{ shape: [20, 20, 1], data }} />);
    expect(puts.map((p) => p.rect)).toEqual([[]]);
    // A new report: a new shape array and data with two cells changed, the range the same.
    const next = data.slice();
    next[3 * 20 + 4] = 6 - next[3 * 20 + 4]!;
    next[5 * 20 + 2] = 6 - next[5 * 20 + 2]!;
    rerender(<TensorHeatmap nodeId="x" tensor={{ shape: [20, 20, 1], data: next }} />);
    // Rows 3 to 5, columns 2 to 4: x, y, width, height.
    expect(puts.map((p) => p.rect)).toEqual([[], [2, 3, 3, 3]]);
    const whole = puts[1]!.image;
    fireEvent(screen.getByRole('img', { name: /^x channel 0/ }), new Event('contextrestored'));
    expect(puts).toHaveLength(3);
    expect(puts[2]).toEqual({ image: whole, rect: [] });
  });

  it('x=[300] is a canvas strip', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(<TensorHeatmap nodeId="d" tensor={tensor([300], new Array(300).fill(1))} />);
    expect(screen.getByRole('img', { name: 'd output, 300 values' })).toBeTruthy();
  });

  it('hovering the canvas names the cell under the mouse', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const data = Array.from({ length: 400 }, (_, i) => i / 1000);
    render(<TensorHeatmap nodeId="x" tensor={tensor([20, 20, 1], data)} />);
    const img = screen.getByRole('img');
    vi.spyOn(img, 'getBoundingClientRect').mockReturnValue(new DOMRect(100, 50, 160, 160));
    // 8 px a cell: x = 100 + 8*3 + 4 → col 3; y = 50 + 8*2 + 1 → row 2; index 2*20+3 = 43.
    fireEvent.mouseMove(img, { clientX: 128, clientY: 67 });
    expect(screen.getByText('(row 2, col 3, ch 0) = 0.043')).toBeTruthy();
  });
});

describe('TensorHeatmap: colour and legend', () => {
  it('non-negative data uses the sequential scale: 0 light, 3 dark', () => {
    const { container } = render(<TensorHeatmap nodeId="n" tensor={tensor([3, 3, 1], SLIDE)} />);
    expect(container.querySelector('.hm-legend')!.getAttribute('data-scale')).toBe('sequential');
    const cells = screen.getAllByRole('gridcell');
    const sum = (c: HTMLElement) => bg(c).reduce((a, b) => a + b, 0);
    expect(sum(cells[1])).toBeGreaterThan(sum(cells[0]) + 200);
  });

  it('signed data uses the diverging scale: negatives red, positives blue', () => {
    const { container } = render(
      <TensorHeatmap nodeId="n" tensor={tensor([1, 3, 1], [-2, 0, 2])} />,
    );
    expect(container.querySelector('.hm-legend')!.getAttribute('data-scale')).toBe('diverging');
    const [neg, zero, pos] = screen.getAllByRole('gridcell').map(bg);
    expect(neg[0]).toBeGreaterThan(neg[2] + 50);
    expect(pos[2]).toBeGreaterThan(pos[0] + 50);
    expect(zero.every((c) => c > 225)).toBe(true);
  });

  it('the legend writes the minimum and maximum', () => {
    const { container } = render(
      <TensorHeatmap nodeId="n" tensor={tensor([4], [-1.5, 0.2, 7, 3])} />,
    );
    expect(container.querySelector('.hm-legend-min')!.textContent).toBe('-1.5');
    expect(container.querySelector('.hm-legend-max')!.textContent).toBe('7');
  });

  it('numbers on dark cells are white, on light cells dark', () => {
    render(<TensorHeatmap nodeId="n" tensor={tensor([1, 2, 1], [0, 9])} />);
    const [light, dark] = screen.getAllByRole('gridcell');
    expect(dark.style.color).toBe('rgb(255, 255, 255)');
    expect(light.style.color).not.toBe('rgb(255, 255, 255)');
  });
});

describe('TensorHeatmap: selection, hover, busy', () => {
  it('arrow keys move the selection and call onSelectCell with index and value', () => {
    const onSelectCell = vi.fn();
    render(
      <TensorHeatmap nodeId="p" tensor={tensor([3, 3, 1], SLIDE)} onSelectCell={onSelectCell} />,
    );
    const grid = screen.getByRole('grid');
    expect(grid.tabIndex).toBe(0);
    grid.focus();
    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    expect(onSelectCell).toHaveBeenLastCalledWith({
      channel: 0,
      row: 0,
      col: 0,
      index: 0,
      value: 3,
    });
    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(onSelectCell).toHaveBeenLastCalledWith({
      channel: 0,
      row: 1,
      col: 1,
      index: 4,
      value: 2,
    });
    const active = document.getElementById(grid.getAttribute('aria-activedescendant')!)!;
    expect(active.textContent).toBe('2');
    expect(active.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('(row 1, col 1, ch 0) = 2')).toBeTruthy();
  });

  it('keys inside channel 1 select cells of channel 1', () => {
    const onSelectCell = vi.fn();
    const data = Array.from({ length: 8 }, (_, i) => i);
    render(
      <TensorHeatmap nodeId="p" tensor={tensor([2, 2, 2], data)} onSelectCell={onSelectCell} />,
    );
    const grid = screen.getByRole('grid', { name: 'p channel 1' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(onSelectCell).toHaveBeenLastCalledWith({
      channel: 1,
      row: 1,
      col: 0,
      index: 5,
      value: 5,
    });
  });

  it('a controlled selectedCell is shown and not overridden by clicks', () => {
    const onSelectCell = vi.fn();
    render(
      <TensorHeatmap
        nodeId="p"
        tensor={tensor([3, 3, 1], SLIDE)}
        selectedCell={{ channel: 0, row: 2, col: 2 }}
        onSelectCell={onSelectCell}
      />,
    );
    const cells = screen.getAllByRole('gridcell');
    expect(cells.filter((c) => c.getAttribute('aria-selected') === 'true')).toEqual([cells[8]]);
    fireEvent.click(cells[4]);
    expect(onSelectCell).toHaveBeenCalledWith({ channel: 0, row: 1, col: 1, index: 4, value: 2 });
    expect(cells[8].getAttribute('aria-selected')).toBe('true');
    expect(cells[4].getAttribute('aria-selected')).toBe('false');
  });

  it('hovering a cell shows its coordinates and value', () => {
    const data = [0, 0.731, 0, 0, 0, 0];
    render(<TensorHeatmap nodeId="h" tensor={tensor([3, 2, 1], data)} />);
    const cell = screen.getAllByRole('gridcell')[1];
    fireEvent.mouseOver(cell);
    expect(screen.getByText('(row 0, col 1, ch 0) = 0.731')).toBeTruthy();
    fireEvent.mouseLeave(screen.getByRole('grid'));
    expect(screen.queryByText(/= 0\.731/)).toBeNull();
  });

  it('a recomputed tensor updates the readout of the hovered cell', () => {
    const { rerender } = render(<TensorHeatmap nodeId="h" tensor={tensor([1, 2, 1], [1, 2])} />);
    fireEvent.mouseOver(screen.getAllByRole('gridcell')[1]);
    expect(screen.getByText('(row 0, col 1, ch 0) = 2')).toBeTruthy();
    rerender(<TensorHeatmap nodeId="h" tensor={tensor([1, 2, 1], [1, 0.5])} />);
    expect(screen.getByText('(row 0, col 1, ch 0) = 0.5')).toBeTruthy();
  });

  it('a strip hover names the element index', () => {
    const data = Array.from({ length: 20 }, (_, i) => i);
    render(<TensorHeatmap nodeId="s" tensor={tensor([20], data)} />);
    fireEvent.mouseOver(screen.getAllByRole('gridcell')[17]);
    expect(screen.getByText('(index 17) = 17')).toBeTruthy();
  });

  it('busy shows a computing badge and marks the heatmap aria-busy', () => {
    const t = tensor([3, 3, 1], SLIDE);
    const { container, rerender } = render(<TensorHeatmap nodeId="b" tensor={t} busy />);
    expect(screen.getByText('computing…')).toBeTruthy();
    expect(container.firstElementChild!.getAttribute('aria-busy')).toBe('true');
    expect(container.firstElementChild!.classList.contains('hm-busy')).toBe(true);
    rerender(<TensorHeatmap nodeId="b" tensor={t} />);
    expect(screen.queryByText('computing…')).toBeNull();
  });

  it('a shape that does not match the data is reported, not drawn', () => {
    render(<TensorHeatmap nodeId="bad" tensor={tensor([2, 2, 1], [1, 2, 3])} />);
    expect(screen.getByText(/bad: shape 2×2×1 needs 4 values, got 3/)).toBeTruthy();
    expect(screen.queryByRole('grid')).toBeNull();
  });

  it('more than 64 channels: draws 64 and says how many there are', () => {
    render(<TensorHeatmap nodeId="w" tensor={tensor([1, 1, 70], new Array(70).fill(1))} />);
    expect(screen.getAllByRole('grid')).toHaveLength(64);
    expect(screen.getByText('showing 64 of 70 channels')).toBeTruthy();
  });
});

describe('TensorHeatmap: names in the UI language', () => {
  it('in Japanese, grids and canvases are named in Japanese', async () => {
    const store = createLanguageStore(null, 'ja-JP');
    // The Japanese messages are a chunk of their own: English until they are loaded.
    expect(store.get()).toBe('en');
    await store.ready;
    expect(store.get()).toBe('ja');
    render(
      <I18nProvider store={store}>
        <TensorHeatmap nodeId="c1" tensor={tensor([3, 3, 1], SLIDE)} />
        <TensorHeatmap nodeId="c2" tensor={tensor([20, 20, 2], new Array(800).fill(1))} />
        <TensorHeatmap nodeId="d" tensor={tensor([300], new Array(300).fill(0.5))} />
      </I18nProvider>,
    );
    expect(screen.getByRole('grid', { name: 'c1 チャンネル0' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'c2 チャンネル1、20×20' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'd の出力、300個の値' })).toBeTruthy();
  });
});

describe('TensorHeatmap: what an edit changed', () => {
  it('outlines exactly the cells whose values changed, for a moment', () => {
    vi.useFakeTimers();
    try {
      const { rerender, container } = render(
        <TensorHeatmap nodeId="conv" tensor={tensor([3, 3, 1], SLIDE)} />,
      );
      expect(container.querySelectorAll('.hm-changed')).toHaveLength(0);
      const edited = [...SLIDE];
      edited[0] = 7;
      edited[8] = 4;
      rerender(<TensorHeatmap nodeId="conv" tensor={tensor([3, 3, 1], edited)} />);
      const outlined = [...container.querySelectorAll('.hm-changed')].map((c) => c.textContent);
      expect(outlined).toEqual(['7', '4']);
      act(() => vi.advanceTimersByTime(1600));
      expect(container.querySelectorAll('.hm-changed')).toHaveLength(0);
      // The same values again (a recomputation that changed nothing): no outline.
      rerender(<TensorHeatmap nodeId="conv" tensor={tensor([3, 3, 1], edited)} />);
      expect(container.querySelectorAll('.hm-changed')).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('TensorHeatmap: a large map as a table of numbers', () => {
  it('20×20×2: a 16×16 page of the chosen channel, Page Down moves on, Shift moves across', async () => {
    // Value = row·100 + col·1 + channel·0.5, so every cell says where it is.
    const data = Array.from({ length: 20 * 20 * 2 }, (_, i) => {
      const c = i % 2;
      const pos = Math.floor(i / 2);
      return Math.floor(pos / 20) * 100 + (pos % 20) + c * 0.5;
    });
    render(<TensorHeatmap nodeId="big" tensor={tensor([20, 20, 2], data)} />);
    expect(screen.queryByRole('grid')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'The numbers of big, as a table' }));
    const table = await screen.findByRole('table', { name: 'big channel 0, numbers' });
    const bodyRows = within(table).getAllByRole('row').slice(1);
    expect(bodyRows).toHaveLength(16);
    expect(
      within(bodyRows[2]!)
        .getAllByRole('cell')
        .map((c) => c.textContent)
        .slice(0, 3),
    ).toEqual(['200', '201', '202']);
    const scroller = table.parentElement!;
    fireEvent.keyDown(scroller, { key: 'PageDown' });
    const down = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    // The last page keeps 16 rows: rows 4 to 19.
    expect(within(down[15]!).getByRole('rowheader').textContent).toBe('19');
    fireEvent.keyDown(scroller, { key: 'PageDown', shiftKey: true });
    const across = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(within(across[15]!).getAllByRole('cell')[15]!.textContent).toBe(formatValue(1919));
    fireEvent.change(screen.getByRole('combobox'), { target: { value: '1' } });
    const other = await screen.findByRole('table', { name: 'big channel 1, numbers' });
    const firstRow = within(other).getAllByRole('row')[1]!;
    expect(within(firstRow).getAllByRole('cell')[0]!.textContent).toBe(formatValue(404.5));
  });
});
