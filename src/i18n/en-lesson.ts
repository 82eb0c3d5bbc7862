/** English strings of the lesson player (a section of the English catalogue). */
export const enLesson = {
  'lesson.open': 'Lesson',
  'lesson.start': 'Start the lesson',
  'lesson.offer':
    'New here? The lesson walks through the lecture deck step by step, with live graphs.',
  'lesson.panel': 'Lesson',
  'lesson.close': 'Close the lesson',
  'lesson.contents': 'Steps of the lesson',
  'lesson.counter': 'Step {k} of {n}',
  'lesson.visited': 'visited',
  'lesson.previous': 'Previous',
  'lesson.next': 'Next',
  'lesson.reset': 'Reset this step',
  'lesson.copyLink': 'Copy lesson link',
  'lesson.linkCopied': 'The link to this step of the lesson is on the clipboard.',
  'lesson.stepFailed': 'This step’s graph could not be opened: {error}',
  'lesson.badLink': 'The lesson link could not be opened: {problem}. The graph you had is kept.',
} as const;
