import type { enLesson } from './en-lesson.ts';

/** レッスン(日本語)。 */
export const jaLesson: Record<keyof typeof enLesson, string> = {
  'lesson.open': 'レッスン',
  'lesson.start': 'レッスンを始める',
  'lesson.offer':
    'はじめてですか?レッスンでは、講義スライドを1ステップずつ、動くグラフで学べます。',
  'lesson.panel': 'レッスン',
  'lesson.close': 'レッスンを閉じる',
  'lesson.contents': 'レッスンのステップ',
  'lesson.counter': 'ステップ {k} / {n}',
  'lesson.visited': '表示済み',
  'lesson.previous': '前へ',
  'lesson.next': '次へ',
  'lesson.reset': 'このステップをやり直す',
  'lesson.copyLink': 'レッスンのリンクをコピー',
  'lesson.linkCopied': 'このステップへのリンクをクリップボードにコピーしました。',
  'lesson.stepFailed': 'このステップのグラフを開けませんでした: {error}',
  'lesson.badLink': 'レッスンのリンクを開けませんでした: {problem}。元のグラフはそのままです。',
} as const;
