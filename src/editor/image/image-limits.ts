import { LIMITS } from '../../graph/limits.ts';
import type { Message } from '../../i18n/translate.ts';

/** What an image may be, before and after decoding. Documented in docs/graph-format.md. */
export const IMAGE_LIMITS = {
  /** Largest H or W an image becomes (the Input itself may be larger). */
  maxTargetSide: 256,
  /** Largest side of the picture itself: the Input's own limit. */
  maxSourceSide: LIMITS.maxSpatial,
  /** Largest file read. */
  maxFileBytes: 32 * 1024 * 1024,
} as const;

export type ImageKind = 'png' | 'jpeg' | 'webp';

/** The formats read, by MIME type. */
export const IMAGE_TYPES: Readonly<Record<string, ImageKind>> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/webp': 'webp',
};

/** `accept` of the file picker. */
export const IMAGE_ACCEPT = Object.keys(IMAGE_TYPES).join(',');

/**
 * The format the first bytes of a file announce (its signature), or null: a dropped file's
 * name and MIME type may lie or be empty.
 * @example sniffImageKind(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) // 'png'
 */
export function sniffImageKind(head: Uint8Array): ImageKind | null {
  const starts = (bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return null;
}

/** Whether a file looks like an image by its type or name (before its bytes are read). */
export function looksLikeImage(file: { name: string; type: string }): boolean {
  return file.type.startsWith('image/') || /\.(png|jpe?g|webp|gif|bmp|avif)$/i.test(file.name);
}

/** Why a file cannot be read as an image, judged by its size and first bytes; null if fine. */
export function imageFileProblem(
  file: { name: string; size: number },
  head: Uint8Array,
): Message | null {
  if (file.size > IMAGE_LIMITS.maxFileBytes)
    return {
      key: 'image.tooLarge',
      params: { name: file.name, mb: Math.round(IMAGE_LIMITS.maxFileBytes / 2 ** 20) },
    };
  if (sniffImageKind(head) === null) return { key: 'image.notImage', params: { name: file.name } };
  return null;
}

/** Why decoded pixels of this size are refused; null if fine. */
export function imageSizeProblem(name: string, width: number, height: number): Message | null {
  if (width < 1 || height < 1) return { key: 'image.unreadable', params: { name } };
  if (width > IMAGE_LIMITS.maxSourceSide || height > IMAGE_LIMITS.maxSourceSide)
    return {
      key: 'image.overLimit',
      params: { name, size: `${width}×${height}`, max: IMAGE_LIMITS.maxSourceSide },
    };
  return null;
}
