import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { enBackward } from '../../../src/i18n/en-backward.ts';
import { enExplain } from '../../../src/i18n/en-explain.ts';
import { enLesson } from '../../../src/i18n/en-lesson.ts';
import { enTrain } from '../../../src/i18n/en-train.ts';
import { ja } from '../../../src/i18n/ja.ts';
import { jaExplain } from '../../../src/i18n/ja-explain.ts';
import { jaLesson } from '../../../src/i18n/ja-lesson.ts';
import { jaTrain } from '../../../src/i18n/ja-train.ts';

const SRC = join(import.meta.dirname, '../../../src');

/** The sections that load with their panel, and the module that adds each. */
const SECTIONS = [
  { module: 'explain-messages.ts', en: enExplain, ja: jaExplain },
  { module: 'train-messages.ts', en: enTrain, ja: jaTrain },
  { module: 'lesson-messages.ts', en: enLesson, ja: jaLesson },
  { module: 'backward-messages.ts', en: enBackward, ja: null },
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? d.name === 'i18n'
        ? []
        : sources(join(dir, d.name))
      : /\.tsx?$/.test(d.name)
        ? [join(dir, d.name)]
        : [],
  );
}

/** Whether a source file names the key: as a literal, or as the prefix of a template. */
function uses(text: string, key: string): boolean {
  return (
    text.includes(`'${key}'`) || text.includes('`' + key.slice(0, key.lastIndexOf('.') + 1) + '${')
  );
}

describe('message sections that load with their panel', () => {
  it('are imported by every file that shows one of their messages', () => {
    const missing: string[] = [];
    for (const file of sources(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const section of SECTIONS) {
        const used = Object.keys(section.en).filter((key) => uses(text, key));
        if (used.length > 0 && !text.includes(`i18n/${section.module}'`))
          missing.push(`${relative(SRC, file)} shows ${used[0]} without ${section.module}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('are not in the page’s catalogues, and hold the same keys in both languages', () => {
    for (const section of SECTIONS) {
      for (const key of Object.keys(section.en)) {
        expect(key in en, key).toBe(false);
        expect(key in ja, key).toBe(false);
      }
      if (section.ja)
        expect(Object.keys(section.ja).sort()).toEqual(Object.keys(section.en).sort());
    }
  });
});
