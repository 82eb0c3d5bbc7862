import type { DragEvent } from 'react';
import { useT } from '../i18n/useT.ts';
import { PALETTE_TYPES } from './new-node.ts';
import { useAddNode } from './useAddNode.ts';
import { useAddShortcut } from './useAddShortcut.ts';

/** The drag payload's type: only the palette's own drags are accepted by the canvas. */
export const NODE_DRAG_TYPE = 'application/x-convflow-node';

/**
 * The six layer types. Click: add right of the selected node, connected to it. Drag onto
 * the canvas: add at the drop point. Keyboard: `A` then 1–6.
 */
export function Palette() {
  const add = useAddNode();
  const armed = useAddShortcut(add);
  const t = useT();
  return (
    <nav className={armed ? 'cf-palette cf-armed' : 'cf-palette'} aria-label={t('palette.label')}>
      <h2 className="cf-palette-title">{t('palette.title')}</h2>
      {PALETTE_TYPES.map((type, i) => (
        <button
          key={type}
          type="button"
          className="cf-palette-item"
          draggable
          aria-keyshortcuts={`A ${i + 1}`}
          aria-describedby={`cf-hint-${type}`}
          onClick={() => add(type)}
          onDragStart={(e: DragEvent) => {
            e.dataTransfer.setData(NODE_DRAG_TYPE, type);
            e.dataTransfer.effectAllowed = 'copy';
          }}
        >
          <span className="cf-palette-key" aria-hidden="true">
            {i + 1}
          </span>
          <span className="cf-palette-name">{type}</span>
          <span className="cf-palette-hint" id={`cf-hint-${type}`} aria-hidden="true">
            {t(`palette.hint.${type}`)}
          </span>
        </button>
      ))}
      <p className="cf-palette-help" aria-live="polite">
        {armed ? t('palette.armed') : t('palette.idle')}
      </p>
    </nav>
  );
}
