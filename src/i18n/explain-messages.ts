import { enExplain } from './en-explain.ts';
import { jaExplain } from './ja-explain.ts';
import { addMessages } from './translate.ts';

// The explain panel's messages, in both languages: imported by every file that shows them, so
// they load with the panel's chunk rather than with the page.
addMessages({ en: enExplain, ja: jaExplain });
