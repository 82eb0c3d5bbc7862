import { unzlibSync } from 'fflate';
import type { LabelledSet } from './data.ts';

/** The two splits of the MNIST asset, with each sample's class beside its one-hot label. */
export interface MnistSets {
  train: LabelledSet & { labels: Uint8Array };
  test: LabelledSet & { labels: Uint8Array };
}

const MAGIC = 'CFMNIST1';
const HEADER = 32;

/**
 * Decode public/datasets/mnist.bin (docs/datasets.md): a 32-byte header (magic, counts,
 * H, W, C, classes), then zlib: a 256-entry float32 value table, a class byte per sample,
 * a table index per pixel. Throws an Error naming the problem for anything else.
 */
export function decodeMnistAsset(bytes: Uint8Array): MnistSets {
  const fail = (why: string): never => {
    throw new Error(`mnist.bin: ${why}`);
  };
  if (bytes.length < HEADER) fail(`${bytes.length} bytes, too short for its header`);
  const magic = String.fromCharCode(...bytes.subarray(0, 8));
  if (magic !== MAGIC) fail('not a convflow MNIST asset (bad magic)');
  const h = new DataView(bytes.buffer, bytes.byteOffset, HEADER);
  const [trainCount, testCount, height, width, channels, classes] = [0, 1, 2, 3, 4, 5].map((i) =>
    h.getUint32(8 + i * 4, true),
  ) as [number, number, number, number, number, number];
  let payload: Uint8Array;
  try {
    payload = unzlibSync(bytes.subarray(HEADER));
  } catch (e) {
    return fail(`the data is damaged (${(e as Error).message})`);
  }
  const count = trainCount + testCount;
  const pixels = height * width * channels;
  if (payload.length !== 1024 + count + count * pixels)
    fail(`${payload.length} bytes of data, expected ${1024 + count + count * pixels}`);
  const table = new Float32Array(256);
  const view = new DataView(payload.buffer, payload.byteOffset, 1024);
  for (let i = 0; i < 256; i++) table[i] = view.getFloat32(i * 4, true);
  const labels = payload.subarray(1024, 1024 + count);
  const indices = payload.subarray(1024 + count);
  const split = (from: number, n: number) => {
    const x = new Float32Array(n * pixels);
    for (let i = 0; i < x.length; i++) x[i] = table[indices[from * pixels + i]!]!;
    const y = new Float32Array(n * classes);
    const own = labels.slice(from, from + n);
    own.forEach((c, s) => {
      if (c >= classes) fail(`sample ${from + s} has class ${c} of ${classes}`);
      y[s * classes + c] = 1;
    });
    return {
      count: n,
      sampleShape: [height, width, channels],
      labelShape: [classes],
      x,
      y,
      labels: own,
    };
  };
  return { train: split(0, trainCount), test: split(trainCount, testCount) };
}
