import type { Message } from '../../i18n/translate.ts';
import { HEADER_BYTES, imageDimensions } from './image-header.ts';
import { imageFileProblem, imageSizeProblem } from './image-limits.ts';
import type { RgbaImage } from './image-tensor.ts';

/**
 * Longest side kept after decoding. Bigger pictures are first shrunk by the browser
 * (`resizeQuality: 'high'`, a proper filter), then averaged down to the target in
 * `imageToTensor`: 1024 is four times the largest target, so no detail the tensor can show
 * is lost, and a 4096² photo needs 4 MB instead of 64 MB of pixels.
 */
const WORKING_SIDE = 1024;

export type DecodedImage =
  { ok: true; image: RgbaImage; name: string } | { ok: false; message: Message };

/**
 * Decode a PNG, JPEG or WebP file in the browser into RGBA pixels, or say why not (too big
 * a file, not an image, unreadable, over the size limit). Thin: the checks and all the
 * arithmetic are pure functions tested on their own.
 */
export async function decodeImageFile(file: File): Promise<DecodedImage> {
  const name = file.name || 'image';
  const head = new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer());
  const problem = imageFileProblem({ name, size: file.size }, head);
  if (problem) return { ok: false, message: problem };
  const announced = imageDimensions(head);
  const overLimit = announced && imageSizeProblem(name, announced.width, announced.height);
  if (overLimit) return { ok: false, message: overLimit };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { ok: false, message: { key: 'image.unreadable', params: { name } } };
  }
  const tooBig = imageSizeProblem(name, bitmap.width, bitmap.height);
  if (tooBig) {
    bitmap.close();
    return { ok: false, message: tooBig };
  }
  const image = await pixelsOf(bitmap);
  return { ok: true, image, name };
}

async function pixelsOf(source: ImageBitmap): Promise<RgbaImage> {
  const scale = Math.min(1, WORKING_SIDE / Math.max(source.width, source.height));
  let bitmap = source;
  if (scale < 1) {
    bitmap = await createImageBitmap(source, {
      resizeWidth: Math.max(1, Math.round(source.width * scale)),
      resizeHeight: Math.max(1, Math.round(source.height * scale)),
      resizeQuality: 'high',
    });
    source.close();
  }
  const { width, height } = bitmap;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { data } = context.getImageData(0, 0, width, height);
  return { data, width, height };
}
