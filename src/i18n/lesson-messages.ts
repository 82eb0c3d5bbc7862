import { enLesson } from './en-lesson.ts';
import { jaLesson } from './ja-lesson.ts';
import { addMessages } from './translate.ts';

// The lesson panel's messages, in both languages: imported by every file that shows them, so
// they load with the panel's chunk rather than with the page.
addMessages({ en: enLesson, ja: jaLesson });
