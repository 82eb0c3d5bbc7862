import { describe, expect, it } from 'vitest';
import { imageDimensions } from '../../../src/editor/image/image-header.ts';

const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

/** 300×7 pictures as Chromium's canvas encodes them (convertToBlob). */
const CHROMIUM = {
  png: bytes(
    'iVBORw0KGgoAAAANSUhEUgAAASwAAAAHCAYAAACyYXA0AAAAYUlEQVR4AezUQQ0AIAwDwAUJaEEL/p2AAQyUHQkf' +
      'XuPWdMy1j8tABmQgIQOjHAIECIQIKKyQRRmTAIEqhdUoBb5KIF1AYaVv0PwEGgkorEbL9lUC6QIKK32D5ifwEvj0' +
      '7QIAAP//4gFLCgAAAAZJREFUAwAHUeHCdMR2YQAAAABJRU5ErkJggg==',
  ),
  jpeg: bytes(
    '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AAB' +
      'AAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAA' +
      'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFla' +
      'AAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAA' +
      'AChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1' +
      'AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBh' +
      'cmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAc' +
      'AEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9' +
      'PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2Nj' +
      'Y2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAHASwDASIAAhEBAxEB/8QAFQABAQAA' +
      'AAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAAAAT/xAAUEQEA' +
      'AAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCWAVpgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAH/9k=',
  ),
  webp: bytes(
    'UklGRigCAABXRUJQVlA4WAoAAAAgAAAAKwEABgAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AAB' +
      'AAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAA' +
      'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFla' +
      'AAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAA' +
      'AChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1' +
      'AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBh' +
      'cmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAc' +
      'AEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggOgAAALADAJ0BKiwBBwA+0WivUqgmJCKhqAEAGglp' +
      'AAAMdOHDhw4cOG6AAP7vmsfq2mDqs/3uWigEAAAAAAA=',
  ),
};

function riff(chunk: string, payload: number[]): Uint8Array {
  const head = [...'RIFF'].map((c) => c.charCodeAt(0));
  const webp = [...`WEBP${chunk}`].map((c) => c.charCodeAt(0));
  return Uint8Array.from([...head, 0, 0, 0, 0, ...webp, ...payload]);
}

describe('imageDimensions', () => {
  it('reads 300×7 from Chromium PNG, JPEG (after JFIF and ICC segments) and WebP (VP8X)', () => {
    for (const file of Object.values(CHROMIUM))
      expect(imageDimensions(file)).toEqual({ width: 300, height: 7 });
  });

  it('reads a lossy VP8 and a lossless VP8L WebP header', () => {
    // VP8: chunk size, frame tag, start code, then 14-bit width and height (scale bits set).
    const vp8 = riff('VP8 ', [0, 0, 0, 0, 0, 0, 0, 0x9d, 0x01, 0x2a, 0x2c, 0x41, 0x07, 0x80]);
    expect(imageDimensions(vp8)).toEqual({ width: 300, height: 7 });
    // VP8L: chunk size, signature 0x2f, then width−1 and height−1 in 14 bits each.
    const w = 299;
    const h = 6;
    const bits = w | (h << 14);
    const vp8l = riff('VP8L', [
      0,
      0,
      0,
      0,
      0x2f,
      bits & 255,
      (bits >> 8) & 255,
      (bits >> 16) & 255,
      bits >>> 24,
    ]);
    expect(imageDimensions(vp8l)).toEqual({ width: 300, height: 7 });
  });

  it('a 30000×20000 PNG header is read without decoding anything', () => {
    const png = CHROMIUM.png.slice(0, 24);
    new DataView(png.buffer).setUint32(16, 30000);
    new DataView(png.buffer).setUint32(20, 20000);
    expect(imageDimensions(png)).toEqual({ width: 30000, height: 20000 });
  });

  it('null for text, a truncated JPEG and a JPEG with a broken marker', () => {
    expect(imageDimensions(new TextEncoder().encode('{"format":1}'))).toBeNull();
    expect(imageDimensions(CHROMIUM.jpeg.slice(0, 30))).toBeNull();
    const broken = CHROMIUM.jpeg.slice();
    broken[2] = 0x00;
    expect(imageDimensions(broken)).toBeNull();
  });
});
