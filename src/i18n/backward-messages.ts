import { enBackward } from './en-backward.ts';
import { jaBackward } from './ja-backward.ts';
import { addMessages } from './translate.ts';

// The backward view's messages, in both languages: imported by the explain panel, so they load
// with its chunk rather than with the page.
addMessages({ en: enBackward, ja: jaBackward });
