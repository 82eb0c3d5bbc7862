import type { enLesson } from './en-lesson.ts';

/** レッスン(日本語)。 */
export const jaLesson: Record<keyof typeof enLesson, string> = {
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
  'lesson.edit': 'レッスンを編集',
  'lesson.authoring': 'レッスンの編集',
  'lesson.addStep': 'このグラフをステップに追加',
  'lesson.moveUp': '上へ',
  'lesson.moveDown': '下へ',
  'lesson.deleteStep': 'ステップを削除',
  'lesson.undoEdit': '編集を元に戻す',
  'lesson.titleEn': 'タイトル(英語)',
  'lesson.titleJa': 'タイトル(日本語)',
  'lesson.narrationEn': '説明文(英語)',
  'lesson.narrationJa': '説明文(日本語)',
  'lesson.export': 'レッスンを保存',
  'lesson.import': 'レッスンを開く…',
  'lesson.importFailed':
    '{name} は開けるレッスンではありません: {error}。元のレッスンはそのままです。',
  'lesson.present': '発表',
  'lesson.textSize': '文字の大きさ',
} as const;
