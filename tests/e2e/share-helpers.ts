import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { encodeGraphLink } from '../../src/graph/link-codec.ts';
import { parseGraphText } from '../../src/graph/parse.ts';
import { toJsonValue } from '../../src/graph/tensor-data.ts';
import type { GraphDocument, GraphDocumentInput } from '../../src/graph/types.ts';
import { expect } from './helpers.ts';

function parsedPreset(key: string): GraphDocument {
  const text = readFileSync(new URL(`../../presets/${key}.json`, import.meta.url), 'utf8');
  const parsed = parseGraphText(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** A slide preset as JSON with every default filled in, as Export writes it (`02-conv-same`, …). */
export function presetDoc(key: string): GraphDocumentInput {
  return toJsonValue(parsedPreset(key)) as GraphDocumentInput;
}

/** The compressed share-link fragment of a preset, as "Copy link" makes it. */
export function presetLink(key: string): string {
  return encodeGraphLink(parsedPreset(key));
}

/** A header button by its accessible name ("Undo", "Copy link", …). */
export function headerButton(page: Page, name: string): Locator {
  return page.getByRole('banner').getByRole('button', { name, exact: true });
}

/** Wait until the address bar and the autosave have caught up with the edits. */
export async function settled(page: Page): Promise<string> {
  let hash = '';
  await expect
    .poll(async () => {
      hash = await page.evaluate(() => location.hash);
      const saved = await page.evaluate(() => localStorage.getItem('convflow.graph'));
      return saved !== null && hash.startsWith('#graph=z1.');
    })
    .toBe(true);
  return hash;
}

/** The notice offering to restore the graph a link replaced. */
export function restoreButton(page: Page): Locator {
  return page.getByRole('alert').getByRole('button', { name: 'Restore previous graph' });
}
