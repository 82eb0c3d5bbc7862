import { decodeMnistAsset, type MnistSets } from '../src/engine/train/mnist-asset.ts';

export type { MnistSets };

/** Fetch and decode the MNIST asset (1.7 MB), only when a run needs it. */
export async function loadMnist(): Promise<MnistSets> {
  const url = new URL(`${import.meta.env.BASE_URL}datasets/mnist.bin`, self.location.origin);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load the MNIST digits: ${response.status} ${url}`);
  return decodeMnistAsset(new Uint8Array(await response.arrayBuffer()));
}
