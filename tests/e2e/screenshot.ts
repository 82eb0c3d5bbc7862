import type { Page, TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** Save a full-page screenshot named after the test, to look at after the run. */
export async function snap(page: Page, info: TestInfo, suffix = ''): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const name = info.title.replace(/[^a-z0-9]+/gi, '-').toLowerCase() + (suffix ? `-${suffix}` : '');
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
