import { fileURLToPath } from 'node:url';
import {
  firstScreenScriptBytes,
  FIRST_SCREEN_BUDGET_BYTES,
  measureFirstScreen,
} from './first-screen.ts';
import { expect, test } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// Sizes of the production build's files, not timings: the same on any machine.
test('until the first numbers, at most 180 kB of gzipped JavaScript (page and engine worker)', async ({
  page,
}) => {
  const loaded = await measureFirstScreen(page, '/', ROOT);
  const first = loaded.filter((l) => l.first && l.kind !== 'style');
  const listing = first.map((l) => `${l.file} ${(l.gzip / 1000).toFixed(1)} kB`).join(', ');
  expect(
    first.some((l) => l.kind === 'worker'),
    'the engine worker is counted',
  ).toBe(true);
  expect(firstScreenScriptBytes(loaded), listing).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET_BYTES);
  // The canvas (React Flow) comes after the numbers, and the graph is then a working canvas.
  expect(loaded.some((l) => !l.first && l.file.startsWith('Canvas-'))).toBe(true);
});

test.describe('in Japanese', () => {
  test.use({ locale: 'ja-JP' });
  test('the Japanese messages fit in the same budget', async ({ page }) => {
    const loaded = await measureFirstScreen(page, '/', ROOT, /^2ノード中2ノードを再計算/);
    expect(loaded.some((l) => l.first && l.file.startsWith('ja-'))).toBe(true);
    const first = loaded.filter((l) => l.first && l.kind !== 'style');
    const listing = first.map((l) => `${l.file} ${(l.gzip / 1000).toFixed(1)} kB`).join(', ');
    expect(firstScreenScriptBytes(loaded), listing).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET_BYTES);
  });
});
