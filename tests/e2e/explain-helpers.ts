import { type Locator, type Page, type TestInfo } from '@playwright/test';
import { snap } from './screenshot.ts';

/** The explain panel (an `aside` named by the catalogue). */
export function explanation(page: Page, name = 'Explanation'): Locator {
  return page.getByRole('complementary', { name, exact: true });
}

/** A table of numbers in the explain panel, e.g. "products of corresponding cells, ch 0". */
export function panelTable(page: Page, name: string): Locator {
  return explanation(page).getByRole('table', { name, exact: true });
}

/** The texts of a panel table's cells, in reading order. */
export function panelCells(page: Page, name: string): Locator {
  return panelTable(page, name).getByRole('cell');
}

/** A player button in the panel, by its accessible name. */
export function playerButton(page: Page, name: string): Locator {
  return explanation(page).getByRole('button', { name, exact: true });
}

/** Screenshots at 1280×800 and at 1920×1080, then back to 1280×800. */
export async function snapBoth(page: Page, info: TestInfo, suffix = ''): Promise<void> {
  const name = (size: string) => (suffix ? `${suffix}-${size}` : size);
  await snap(page, info, name('1280'));
  await resize(page, 1920, 1080);
  await snap(page, info, name('1920'));
  await resize(page, 1280, 800);
}

/** Switch the UI language with the header's switch. */
export async function switchLanguage(page: Page, language: 'English' | '日本語'): Promise<void> {
  const current = language === '日本語' ? 'Language' : '言語';
  await page
    .getByRole('combobox', { name: current, exact: true })
    .selectOption({ label: language });
}

/** Load a slide preset through the header's picker (exact name: nodes have a filter preset). */
export async function loadSlide(page: Page, key: string): Promise<void> {
  await page.getByRole('combobox', { name: 'preset', exact: true }).selectOption(key);
}

/** A new window size, and the graph fitted to it, as it would be if the app opened at it. */
async function resize(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.locator('.react-flow__controls-fitview').click();
  // The fit animates; let it and the panel settle.
  await page.waitForTimeout(400);
}
