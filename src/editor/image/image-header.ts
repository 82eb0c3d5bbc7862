/** How many leading bytes {@link imageDimensions} may need (JPEG metadata can be long). */
export const HEADER_BYTES = 64 * 1024;

export interface Dimensions {
  width: number;
  height: number;
}

const be16 = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const le16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const le24 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

/**
 * A PNG, JPEG or WebP picture's size read from its first bytes, or null when they do not
 * say: checked before decoding, so a 30,000-pixel-wide file is refused without the browser
 * allocating gigabytes for it.
 * @example imageDimensions(pngBytes) // { width: 640, height: 480 }
 */
export function imageDimensions(bytes: Uint8Array): Dimensions | null {
  if (bytes.length >= 24 && ascii(bytes, 12, 4) === 'IHDR')
    return { width: be32(bytes, 16), height: be32(bytes, 20) };
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegDimensions(bytes);
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return webpDimensions(bytes);
  return null;
}

function be32(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
}

/** Start-of-frame markers (baseline, progressive, …); C4, C8 and CC are not frames. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
}

function jpegDimensions(b: Uint8Array): Dimensions | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
    } else if (isStartOfFrame(marker)) {
      return { height: be16(b, i + 5), width: be16(b, i + 7) };
    } else if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) {
      i += 2; // a marker without a length
    } else {
      i += 2 + be16(b, i + 2);
    }
  }
  return null;
}

function webpDimensions(b: Uint8Array): Dimensions | null {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X' && b.length >= 30)
    return { width: 1 + le24(b, 24), height: 1 + le24(b, 27) };
  if (chunk === 'VP8 ' && b.length >= 30)
    return { width: le16(b, 26) & 0x3fff, height: le16(b, 28) & 0x3fff };
  if (chunk === 'VP8L' && b.length >= 25) {
    const [b1, b2, b3, b4] = [b[21]!, b[22]!, b[23]!, b[24]!];
    return {
      width: 1 + (((b2 & 0x3f) << 8) | b1),
      height: 1 + (((b4 & 0x0f) << 10) | (b3 << 2) | ((b2 & 0xc0) >> 6)),
    };
  }
  return null;
}
