import { describe, expect, it } from 'vitest';
import {
  IMAGE_LIMITS,
  imageFileProblem,
  imageSizeProblem,
  looksLikeImage,
  sniffImageKind,
} from '../../../src/editor/image/image-limits.ts';

const PNG = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 16);
const WEBP = new TextEncoder().encode('RIFF\x24\0\0\0WEBPVP8 ');
const TEXT = new TextEncoder().encode('{"format":"convflow-graph"}');

describe('sniffImageKind', () => {
  it('reads PNG, JPEG and WebP signatures', () => {
    expect(sniffImageKind(PNG)).toBe('png');
    expect(sniffImageKind(JPEG)).toBe('jpeg');
    expect(sniffImageKind(WEBP)).toBe('webp');
  });
  it('refuses JSON text, an empty file, a RIFF that is not WebP, and a GIF', () => {
    expect(sniffImageKind(TEXT)).toBeNull();
    expect(sniffImageKind(new Uint8Array(0))).toBeNull();
    expect(sniffImageKind(new TextEncoder().encode('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(sniffImageKind(new TextEncoder().encode('GIF89a'))).toBeNull();
  });
});

describe('looksLikeImage', () => {
  it('by MIME type or by name', () => {
    expect(looksLikeImage({ name: 'x', type: 'image/png' })).toBe(true);
    expect(looksLikeImage({ name: 'Photo.JPG', type: '' })).toBe(true);
    expect(looksLikeImage({ name: 'graph.json', type: 'application/json' })).toBe(false);
  });
});

describe('imageFileProblem', () => {
  it('a PNG of 1 KB is fine', () => {
    expect(imageFileProblem({ name: 'a.png', size: 1024 }, PNG)).toBeNull();
  });
  it('a file over 32 MB is refused before it is read', () => {
    expect(imageFileProblem({ name: 'big.png', size: IMAGE_LIMITS.maxFileBytes + 1 }, PNG)).toEqual(
      { key: 'image.tooLarge', params: { name: 'big.png', mb: 32 } },
    );
  });
  it('a text file named .png is not an image', () => {
    expect(imageFileProblem({ name: 'fake.png', size: 30 }, TEXT)).toEqual({
      key: 'image.notImage',
      params: { name: 'fake.png' },
    });
  });
});

describe('imageSizeProblem', () => {
  it('4096×4096 is fine; 4097 wide or tall is over the limit; 0×0 is unreadable', () => {
    expect(imageSizeProblem('a.png', 4096, 4096)).toBeNull();
    expect(imageSizeProblem('a.png', 4097, 10)).toEqual({
      key: 'image.overLimit',
      params: { name: 'a.png', size: '4097×10', max: 4096 },
    });
    expect(imageSizeProblem('a.png', 10, 5000)?.key).toBe('image.overLimit');
    expect(imageSizeProblem('a.png', 0, 0)?.key).toBe('image.unreadable');
  });
});
