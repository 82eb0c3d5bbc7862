import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { fingerprint } from '../../src/app/autosave.ts';
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

/**
 * The note stored beside the autosaved graph in IndexedDB (`convflow` / `autosave`), or
 * null before the first save. Opens the database as the app does, creating its store if new.
 */
export function savedMeta(page: Page): Promise<{ address: string; savedAt: number } | null> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('convflow');
        open.onupgradeneeded = () => open.result.createObjectStore('autosave');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('autosave').objectStore('autosave').get('meta');
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result ?? null);
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/** Wait until the address bar and the autosave have caught up with the edits. */
export async function settled(page: Page): Promise<string> {
  let hash = '';
  await expect
    .poll(async () => {
      hash = await page.evaluate(() => location.hash);
      const meta = await savedMeta(page);
      return hash.startsWith('#graph=z1.') && meta?.address === fingerprint(hash);
    })
    .toBe(true);
  return hash;
}

/** The notice offering to restore the graph a link replaced. */
export function restoreButton(page: Page): Locator {
  return page.getByRole('alert').getByRole('button', { name: 'Restore previous graph' });
}
