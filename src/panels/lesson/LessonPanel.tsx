import { useCallback, useEffect, useState } from 'react';
import { encodeLessonLink } from '../../graph/lesson-link.ts';
import type { PresetSource } from '../../graph/lesson-steps.ts';
import type { Localized } from '../../graph/lesson-schema.ts';
import { useLang, useT } from '../../i18n/useT.ts';
import '../../i18n/lesson-messages.ts';
import { useEditorState } from '../../state/useEditorState.ts';
import { useEditorStore } from '../../state/useEditorStore.ts';
import { useInspectStore } from '../inspect/useInspect.ts';
import { useLessonState, useLessonStore } from './LessonContext.tsx';
import { useLessonPlayer } from './useLessonPlayer.ts';
import { LessonAuthoring } from './LessonAuthoring.tsx';
import { Narration } from './Narration.tsx';
import { useLessonKeys } from './useLessonKeys.ts';
import './lesson.css';
import { useFlowApi } from '../../ui/flow-api.tsx';

/**
 * The lesson player beside the canvas: the step's title and narration, Previous / Next
 * (and the keys), a table of contents, "Reset this step", and a link to the lesson at
 * this step. The canvas holds the step's live graph: the learner may edit it.
 */
export function LessonPanel({ presets }: { presets: PresetSource }) {
  const t = useT();
  const [lang] = useLang();
  const store = useLessonStore();
  const { lesson, step, progress, error, presenting } = useLessonState();
  const flow = useFlowApi()?.flow;
  const loads = useEditorState((s) => s.loads);
  // The canvas keeps each step's graph fitted; presenting, as large as the room needs.
  useEffect(() => {
    const fit = presenting ? { padding: 0.08, maxZoom: 2.5 } : { padding: 0.2, maxZoom: 1.1 };
    const id = setTimeout(() => void flow?.fitView({ ...fit, duration: 200 }), 150);
    return () => clearTimeout(id);
  }, [presenting, loads, flow]);
  const [copied, setCopied] = useState<string | null>(null);
  const [authoring, setAuthoring] = useState(false);
  useLessonPlayer(store, useEditorStore(), useInspectStore(), presets);
  const count = lesson?.steps.length ?? 0;
  const previous = useCallback(() => step > 0 && store.go(step - 1), [store, step]);
  const next = useCallback(() => step < count - 1 && store.go(step + 1), [store, step, count]);
  useLessonKeys(previous, next);
  if (!lesson) return null;
  const text = (l: Localized) => (lang === 'ja' ? (l.ja ?? l.en) : (l.en ?? l.ja)) ?? '';
  const current = lesson.steps[step]!;
  /** Presenter view, full screen where the browser allows it (Esc leaves full screen). */
  const present = (on: boolean) => {
    store.present(on);
    const root = document.documentElement;
    if (on && !document.fullscreenElement) root.requestFullscreen?.().catch(() => undefined);
    if (!on && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  };
  const copyLink = async () => {
    const link = `${location.origin}${location.pathname}${encodeLessonLink(lesson, step)}`;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(t('lesson.linkCopied'));
    } catch {
      setCopied(link);
    }
  };
  return (
    <aside className="ls-panel" aria-label={t('lesson.panel')}>
      <header className="ls-header">
        <h2 className="ls-title">{text(lesson.title)}</h2>
        <button
          type="button"
          className="ex-close"
          aria-label={t('lesson.close')}
          onClick={() => store.close()}
        >
          ×
        </button>
      </header>
      <nav className="ls-contents" aria-label={t('lesson.contents')}>
        <details>
          <summary>{t('lesson.counter', { k: step + 1, n: count })}</summary>
          <ol>
            {lesson.steps.map((s, i) => (
              <li key={i}>
                <button
                  type="button"
                  className="ls-toc-item"
                  aria-current={i === step ? 'step' : undefined}
                  onClick={() => store.go(i)}
                >
                  {text(s.title)}
                  {progress.visited.includes(i) && i !== step && (
                    <span className="ls-visited" aria-label={t('lesson.visited')}>
                      {' '}
                      ✓
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ol>
        </details>
      </nav>
      <article className="ls-step" aria-live="polite" tabIndex={0}>
        <h3 className="ls-step-title">{text(current.title)}</h3>
        <Narration text={text(current.narration)} />
        {error && (
          <p className="ls-error" role="alert">
            {t('lesson.stepFailed', { error })}
          </p>
        )}
        {authoring && <LessonAuthoring lesson={lesson} step={step} presets={presets} />}
      </article>
      <footer className="ls-footer">
        <div className="ls-nav">
          <button type="button" className="cf-button" disabled={step === 0} onClick={previous}>
            ← {t('lesson.previous')}
          </button>
          <button
            type="button"
            className="cf-button ls-next"
            disabled={step === count - 1}
            onClick={next}
          >
            {t('lesson.next')} →
          </button>
        </div>
        <div className="ls-tools">
          <button type="button" className="cf-button" onClick={() => store.resetStep()}>
            {t('lesson.reset')}
          </button>
          <button type="button" className="cf-button" onClick={() => void copyLink()}>
            {t('lesson.copyLink')}
          </button>
          <button
            type="button"
            className="cf-button"
            aria-pressed={authoring}
            onClick={() => setAuthoring(!authoring)}
          >
            {t('lesson.edit')}
          </button>
          <button
            type="button"
            className="cf-button"
            aria-pressed={presenting}
            onClick={() => present(!presenting)}
          >
            {t('lesson.present')}
          </button>
          {presenting && (
            <span className="ls-zoom" role="group" aria-label={t('lesson.textSize')}>
              <button type="button" className="cf-button" onClick={() => store.zoom(1 / 1.15)}>
                A−
              </button>
              <button type="button" className="cf-button" onClick={() => store.zoom(1.15)}>
                A+
              </button>
            </span>
          )}
        </div>
        {copied && (
          <p className="ls-copied" role="status">
            {copied}
          </p>
        )}
      </footer>
    </aside>
  );
}
