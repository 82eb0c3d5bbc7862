import { useT } from '../i18n/useT.ts';
import { useLessonState, useLessonStore } from '../panels/lesson/LessonContext.tsx';
import { useEditorStore } from '../state/useEditorStore.ts';
import { OPEN_KEY } from '../state/lesson-store.ts';

/** Whether a lesson was ever opened (or closed) in this browser. */
function lessonSeen(): boolean {
  try {
    return window.localStorage.getItem(OPEN_KEY) !== null;
  } catch {
    return true;
  }
}

/**
 * Opens the deck lesson where the learner left it, or closes the lesson that is open. Until
 * a lesson has been opened here it offers itself, drawn as the header's call to action.
 */
export function LessonButton() {
  const t = useT();
  const lessons = useLessonStore();
  const editor = useEditorStore();
  const { lesson } = useLessonState();
  const toggle = () => {
    if (lesson) return lessons.close();
    import('./lesson-links.ts')
      .then((m) => m.deckLesson())
      .then(
        (deck) => lessons.open(deck),
        (e: Error) => editor.pushNotice('error', e.message),
      );
  };
  return (
    <button
      type="button"
      className={lesson || lessonSeen() ? 'cf-button' : 'cf-button cf-button-offer'}
      aria-pressed={lesson !== null}
      title={t('lesson.start')}
      onClick={toggle}
    >
      {t('lesson.open')}
    </button>
  );
}
