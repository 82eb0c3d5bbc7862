import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeMnistAsset, type MnistSets } from '../engine/train/mnist-asset.ts';

const ASSET = fileURLToPath(new URL('../../public/datasets/mnist.bin', import.meta.url));
let cached: MnistSets | null = null;

/** The MNIST asset from disk, built at install time (`npm run build:data`). */
export function loadMnistFromDisk(): MnistSets {
  if (cached) return cached;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(ASSET);
  } catch {
    throw new Error(`the MNIST data set is missing (${ASSET}): run npm install to build it`);
  }
  cached = decodeMnistAsset(bytes);
  return cached;
}
