import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/useT.ts';
import './dialog.css';

export interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Extra class on the dialog box (its width). */
  className?: string;
}

/**
 * A modal dialog over the app: titled, closed by its × button, Escape or a click outside.
 * Focus moves into it when it opens and returns where it was when it closes.
 */
export function Dialog({ title, onClose, children, className }: DialogProps) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  // Before the first paint: a key pressed the moment the dialog shows (Escape) reaches it.
  useLayoutEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    box.current?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    <div
      className="cf-dialog-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        ref={box}
        className={`cf-dialog ${className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        tabIndex={-1}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.stopPropagation();
          onClose();
        }}
      >
        <header className="cf-dialog-head">
          <h2>{title}</h2>
          <button
            type="button"
            className="cf-notice-close"
            aria-label={t('dialog.close')}
            onClick={onClose}
          >
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
