import { enTrain } from './en-train.ts';
import { jaTrain } from './ja-train.ts';
import { addMessages } from './translate.ts';

// The train panel's messages, in both languages: imported by every file that shows them, so
// they load with the panel's chunk rather than with the page.
addMessages({ en: enTrain, ja: jaTrain });
