import { useT } from '../../i18n/useT.ts';

export type PadTool = 'pen' | 'eraser';

/** Square sizes the pad offers to start over at. */
export const PAD_SIDES = [8, 16, 28, 32, 64, 128, 256] as const;

export interface PadToolbarProps {
  tool: PadTool;
  onTool(tool: PadTool): void;
  brushSize: number;
  onBrushSize(size: number): void;
  shape: readonly number[];
  onClear(): void;
  /** Start over, blank, at `side`×`side`. */
  onResize(side: number): void;
}

/** Pen or eraser, brush size, clear, and the size to start over at. */
export function PadToolbar(props: PadToolbarProps) {
  const t = useT();
  const { tool, onTool, brushSize, onBrushSize, shape, onClear, onResize } = props;
  const [h = 1, w = 1] = shape;
  const current = `${h}x${w}`;
  const square = h === w && (PAD_SIDES as readonly number[]).includes(h);
  return (
    <div className="cf-pad-tools">
      <div className="cf-pad-group" role="group" aria-label={t('draw.brush')}>
        {(['pen', 'eraser'] as const).map((name) => (
          <button
            key={name}
            type="button"
            className="cf-button cf-pad-tool"
            aria-pressed={tool === name}
            onClick={() => onTool(name)}
          >
            {t(name === 'pen' ? 'draw.pen' : 'draw.eraser')}
          </button>
        ))}
      </div>
      <label className="cf-pad-field">
        <span>{t('draw.brush')}</span>
        <input
          type="range"
          min={1}
          max={Math.max(4, Math.round(Math.min(h, w) / 4))}
          value={brushSize}
          onChange={(e) => onBrushSize(Number(e.target.value))}
        />
        <span className="cf-pad-value" aria-hidden="true">
          {brushSize}
        </span>
      </label>
      <label className="cf-pad-field">
        <span>{t('draw.size')}</span>
        <select
          className="cf-input"
          value={current}
          onChange={(e) => onResize(Number(e.target.value.split('x')[0]))}
        >
          {!square && <option value={current}>{t('draw.sizeCurrent', { h, w })}</option>}
          {PAD_SIDES.map((side) => (
            <option key={side} value={`${side}x${side}`}>
              {side}×{side}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="cf-button" onClick={onClear}>
        {t('draw.clear')}
      </button>
    </div>
  );
}
