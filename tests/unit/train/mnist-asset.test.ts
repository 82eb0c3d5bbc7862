import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMnistFromDisk } from '../../../src/cli/mnist-file.ts';
import { decodeMnistAsset } from '../../../src/engine/train/mnist-asset.ts';

/** The package's own digits, read straight from its JSON, to hold the asset against. */
const digitsDir = join(
  dirname(createRequire(import.meta.url).resolve('mnist/package.json')),
  'src',
  'digits',
);
const digit = (d: number): number[] =>
  JSON.parse(readFileSync(join(digitsDir, `${d}.json`), 'utf8')).data;

describe('the MNIST asset', () => {
  const sets = loadMnistFromDisk();

  it('8,000 training and 2,000 test digits of 28×28×1, one-hot over 10 classes', () => {
    expect([sets.train.count, sets.test.count]).toEqual([8000, 2000]);
    expect(sets.train.sampleShape).toEqual([28, 28, 1]);
    expect([sets.train.x.length, sets.train.y.length]).toEqual([8000 * 784, 80000]);
  });

  it('interleaved by class: any prefix of the training split is balanced', () => {
    expect([...sets.train.labels.subarray(0, 20)]).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    const counts = new Array(10).fill(0);
    for (const c of sets.train.labels) counts[c]++;
    expect(counts).toEqual(new Array(10).fill(800));
    for (let s = 0; s < 50; s++) expect(sets.train.y[s * 10 + sets.train.labels[s]!]).toBe(1);
  });

  it('pixels exactly as the package gives them (as float32): train and test samples', () => {
    const three = digit(3);
    // Training sample i of class d sits at 10·i + d; digit 3's 5th sample is train index 43.
    expect([...sets.train.x.subarray(43 * 784, 44 * 784)]).toEqual(
      three.slice(4 * 784, 5 * 784).map(Math.fround),
    );
    // The test split starts at sample 800 of every class: digit 0's is test index 0.
    expect([...sets.test.x.subarray(0, 784)]).toEqual(
      digit(0)
        .slice(800 * 784, 801 * 784)
        .map(Math.fround),
    );
    // Digit 5 has 863 samples, so the test split's last rounds skip it.
    const fives = [...sets.test.labels].filter((c) => c === 5).length;
    expect(fives).toBe(63);
  });

  it('a file that is not the asset is refused with a clear message', () => {
    const bytes = readFileSync(new URL('../../../public/datasets/mnist.bin', import.meta.url));
    expect(() => decodeMnistAsset(new Uint8Array(10))).toThrow(
      'mnist.bin: 10 bytes, too short for its header',
    );
    const wrong = Uint8Array.from(bytes);
    wrong[0] = 88;
    expect(() => decodeMnistAsset(wrong)).toThrow(
      'mnist.bin: not a convflow MNIST asset (bad magic)',
    );
    expect(() => decodeMnistAsset(bytes.subarray(0, bytes.length - 100))).toThrow(
      /mnist.bin: the data is damaged/,
    );
  });
});
