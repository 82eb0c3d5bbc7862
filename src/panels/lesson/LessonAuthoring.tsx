import { useRef, useState } from 'react';
import { parseLessonText, type ParsedLesson } from '../../graph/lesson-parse.ts';
import { LESSON_LIMITS } from '../../graph/lesson-schema.ts';
import type { PresetSource } from '../../graph/lesson-steps.ts';
import { stringifyDocument } from '../../graph/tensor-data.ts';
import { useT } from '../../i18n/useT.ts';
import '../../i18n/lesson-messages.ts';
import { useEditorStore } from '../../state/useEditorStore.ts';
import { downloadText } from '../../ui/download-text.ts';
import { movedStep, standalone, withoutStep, withStep, withText } from './authoring.ts';
import { useLessonStore } from './LessonContext.tsx';

/**
 * Making a lesson of one's own: add the canvas's graph as a step, write each step's title
 * and narration in English and Japanese, move and delete steps (Undo takes an edit back),
 * export the lesson file and import one. Editing the built-in lesson makes a copy.
 */
export function LessonAuthoring(props: {
  lesson: ParsedLesson;
  step: number;
  presets: PresetSource;
}) {
  const { lesson, step, presets } = props;
  const t = useT();
  const store = useLessonStore();
  const editor = useEditorStore();
  const picker = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const count = lesson.steps.length;
  const current = lesson.steps[step]!;
  /** Moving or deleting: first make every step stand on its own graph. */
  const restructure = (change: (l: ParsedLesson) => ParsedLesson, to: number) =>
    standalone(lesson, presets).then(
      (own) => store.edit(change(own), to),
      (e: Error) => setProblem(e.message),
    );
  const importFile = async (file: File) => {
    const parsed = parseLessonText(await file.text());
    if (!parsed.ok)
      return setProblem(t('lesson.importFailed', { name: file.name, error: parsed.error }));
    setProblem(null);
    store.open(parsed.value, 0);
  };
  const text = (field: 'title' | 'narration', lang: 'en' | 'ja', label: string, rows = 0) => {
    const value = current[field][lang] ?? '';
    const commit = (next: string) =>
      next !== value && store.edit(withText(lesson, step, field, lang, next), step);
    const max = field === 'title' ? LESSON_LIMITS.maxTitleChars : LESSON_LIMITS.maxNarrationChars;
    const common = {
      // Keyed by step and value: another step, or Undo, shows its own text.
      key: `${step}-${field}-${lang}-${value}`,
      defaultValue: value,
      maxLength: max,
      'aria-label': label,
      onBlur: (e: { target: { value: string } }) => commit(e.target.value),
      lang,
    };
    return (
      <label className="ls-field">
        <span>{label}</span>
        {rows > 0 ? <textarea rows={rows} {...common} /> : <input type="text" {...common} />}
      </label>
    );
  };
  return (
    <section className="ls-authoring" aria-label={t('lesson.authoring')}>
      <div className="ls-tools">
        <button
          type="button"
          className="cf-button"
          onClick={() => store.edit(withStep(lesson, step, editor.getState().doc), step + 1)}
        >
          {t('lesson.addStep')}
        </button>
        <button
          type="button"
          className="cf-button"
          disabled={step === 0}
          onClick={() => void restructure((l) => movedStep(l, step, step - 1), step - 1)}
        >
          {t('lesson.moveUp')}
        </button>
        <button
          type="button"
          className="cf-button"
          disabled={step === count - 1}
          onClick={() => void restructure((l) => movedStep(l, step, step + 1), step + 1)}
        >
          {t('lesson.moveDown')}
        </button>
        <button
          type="button"
          className="cf-button"
          disabled={count <= 1}
          onClick={() => void restructure((l) => withoutStep(l, step), Math.min(step, count - 2))}
        >
          {t('lesson.deleteStep')}
        </button>
        <button type="button" className="cf-button" onClick={() => store.undoEdit()}>
          {t('lesson.undoEdit')}
        </button>
      </div>
      {text('title', 'en', t('lesson.titleEn'))}
      {text('title', 'ja', t('lesson.titleJa'))}
      {text('narration', 'en', t('lesson.narrationEn'), 4)}
      {text('narration', 'ja', t('lesson.narrationJa'), 4)}
      <div className="ls-tools">
        <button
          type="button"
          className="cf-button"
          onClick={() =>
            downloadText(
              stringifyDocument(lesson),
              `${(lesson.title.en ?? lesson.title.ja ?? 'lesson').replace(/[\\/:*?"<>|]/g, '-')}.lesson.json`,
              'application/json',
            )
          }
        >
          {t('lesson.export')}
        </button>
        <button type="button" className="cf-button" onClick={() => picker.current?.click()}>
          {t('lesson.import')}
        </button>
        <input
          ref={picker}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t('lesson.import')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      {problem && (
        <p className="ls-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
